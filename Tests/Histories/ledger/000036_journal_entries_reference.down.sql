ALTER TABLE journal_entries DROP COLUMN reference;
