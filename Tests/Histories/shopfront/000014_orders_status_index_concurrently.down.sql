-- migrate:no-transaction
DROP INDEX CONCURRENTLY orders_status_placed_at_total_cents_idx;
