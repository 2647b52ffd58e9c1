ALTER TABLE devices DROP COLUMN location;
DROP COLUMN site;
