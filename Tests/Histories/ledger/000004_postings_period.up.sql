ALTER TABLE postings ADD COLUMN period_id bigint DEFAULT NULL REFERENCES periods (id);
CREATE INDEX ON postings (period_id);   
