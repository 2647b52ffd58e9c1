BEGIN;
--
-- Alter field level on floor
--
ALTER TABLE "spaces_floor" ALTER COLUMN "level" TYPE integer USING "level"::integer;
--
-- Alter field label on floor
--
ALTER TABLE "spaces_floor" ALTER COLUMN "label" TYPE varchar(60) USING "label"::varchar(60);
COMMIT;
