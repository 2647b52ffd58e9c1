ALTER TABLE postings DROP COLUMN dimensions;
