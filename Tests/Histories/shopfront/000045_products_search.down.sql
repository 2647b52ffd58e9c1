ALTER TABLE products DROP COLUMN search;
