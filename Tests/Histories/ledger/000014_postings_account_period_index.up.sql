-- migrate:no-transaction
CREATE INDEX CONCURRENTLY ON postings (account_id, period_id);
