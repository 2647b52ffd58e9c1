-- migrate:no-transaction
CREATE INDEX CONCURRENTLY ON ticket_comments USING gin (body gin_trgm_ops);
