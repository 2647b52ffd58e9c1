ALTER TABLE devices DROP COLUMN position;
DROP TYPE geo_position;
