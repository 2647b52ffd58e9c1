DROP INDEX journal_entries_search_idx;
ALTER TABLE journal_entries DROP COLUMN search;
