ALTER TABLE ticket_comments
    ADD COLUMN body_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;
CREATE INDEX ON ticket_comments USING gin (body_tsv);
