BEGIN;
--
-- Alter field capacity on room
--
ALTER TABLE "spaces_room" ALTER COLUMN "capacity" TYPE smallint USING "capacity"::smallint;
COMMIT;
