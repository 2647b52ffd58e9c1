ALTER TABLE journal_entries ADD COLUMN posted_at timestamptz DEFAULT NULL;
ALTER TABLE journal_entries ADD COLUMN posted_by text DEFAULT NULL;
CREATE INDEX ON journal_entries (posted_at) WHERE posted_at IS NOT NULL;
