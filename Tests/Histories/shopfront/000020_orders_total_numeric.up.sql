ALTER TABLE orders ALTER COLUMN total_cents TYPE numeric(12,2) USING total_cents / 100.0;
ALTER TABLE orders RENAME COLUMN total_cents TO total;
