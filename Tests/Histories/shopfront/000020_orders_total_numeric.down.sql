ALTER TABLE orders RENAME COLUMN total TO total_cents;
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint USING (total_cents * 100)::bigint;
