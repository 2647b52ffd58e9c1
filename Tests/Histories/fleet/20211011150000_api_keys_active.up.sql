ALTER TABLE api_keys ADD COLUMN active boolean GENERATED ALWAYS AS (revoked_at IS NULL) STORED;
