ALTER TABLE devices DROP COLUMN latitude, DROP COLUMN longitude;
CREATE TYPE geo_position AS (lat double precision, lon double precision, alt_m real,);
ALTER TABLE devices ADD COLUMN position geo_position DEFAULT NULL;
