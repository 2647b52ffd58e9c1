-- migrate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS postings_account_id_period_id_idx;
