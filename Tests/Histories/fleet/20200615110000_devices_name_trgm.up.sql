CREATE INDEX CONCURRENTLY ON devices USING gin (name gin_trgm_ops);
