DROP INDEX IF EXISTS journal_entries_posted_at_idx;
ALTER TABLE journal_entries DROP COLUMN posted_by;
ALTER TABLE journal_entries DROP COLUMN posted_at;
