-- covered by postings_account_id_period_id_idx for the report queries
DROP INDEX postings_period_id_idx;
