-- naming convention from the 2021 style guide: ix_<table>_<what>
ALTER INDEX postings_account_id_idx RENAME TO ix_postings_account;
ALTER INDEX postings_entry_id_idx RENAME TO ix_postings_entry;
