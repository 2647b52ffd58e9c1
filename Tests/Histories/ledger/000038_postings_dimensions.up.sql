ALTER TABLE postings ADD COLUMN dimensions jsonb NOT NULL DEFAULT '{}';
CREATE INDEX ON postings USING gin (dimensions jsonb_path_ops);
