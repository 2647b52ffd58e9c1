CREATE INDEX CONCURRENTLY ON products USING gin (title gin_trgm_ops);
