ALTER TABLE journal_entries DROP COLUMN status;
DROP TYPE entry_status;
