DROP INDEX postings_period_id_idx;
ALTER TABLE postings DROP CONSTRAINT postings_period_id_fkey;
ALTER TABLE postings DROP COLUMN period_id;
