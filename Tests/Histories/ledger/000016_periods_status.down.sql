ALTER TABLE periods DROP COLUMN status;
