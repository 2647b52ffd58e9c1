ALTER TABLE journal_entries ADD COLUMN reference varchar(40) NULL DEFAULT NULL;
CREATE INDEX ON journal_entries (lower(reference));
