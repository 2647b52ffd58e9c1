-- migrate:no-transaction
DROP INDEX CONCURRENTLY devices_lower_idx;
