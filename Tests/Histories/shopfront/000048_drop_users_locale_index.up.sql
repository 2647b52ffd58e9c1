-- migrate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS users_lower_idx1;
