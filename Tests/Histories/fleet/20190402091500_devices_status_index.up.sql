-- migrate:no-transaction
CREATE INDEX CONCURRENTLY ON devices (org_id, status) WHERE status <> 'retired';
