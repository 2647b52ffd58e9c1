-- migrate:no-transaction
CREATE INDEX CONCURRENTLY ON orders (status, placed_at) INCLUDE (total_cents);
