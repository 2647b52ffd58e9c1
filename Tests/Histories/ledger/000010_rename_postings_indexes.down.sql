ALTER INDEX ix_postings_entry RENAME TO postings_entry_id_idx;
ALTER INDEX ix_postings_account RENAME TO postings_account_id_idx;
