CREATE INDEX postings_period_id_idx ON postings (period_id);
