ALTER TABLE currencies DROP COLUMN active, DROP COLUMN symbol;
