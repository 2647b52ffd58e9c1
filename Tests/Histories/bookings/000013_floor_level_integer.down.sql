BEGIN;
--
-- Alter field label on floor
--
ALTER TABLE "spaces_floor" ALTER COLUMN "label" TYPE varchar(40) USING "label"::varchar(40);
--
-- Alter field level on floor
--
ALTER TABLE "spaces_floor" ALTER COLUMN "level" TYPE smallint USING "level"::smallint;
COMMIT;
