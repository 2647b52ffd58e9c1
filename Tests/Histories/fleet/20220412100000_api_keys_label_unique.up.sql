CREATE UNIQUE INDEX ON api_keys (org_id, label) WHERE revoked_at IS NULL AND label IS NOT NULL;
