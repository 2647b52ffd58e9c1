ALTER TABLE journal_entries
    ADD COLUMN search tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', coalesce(memo, '') || ' ' || coalesce(reference, ''))) STORED;
CREATE INDEX ON journal_entries USING gin (search);
