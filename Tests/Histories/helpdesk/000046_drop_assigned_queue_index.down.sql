CREATE INDEX CONCURRENTLY tickets_status_idx1 ON tickets (status) WHERE assignee_id IS NOT NULL;
