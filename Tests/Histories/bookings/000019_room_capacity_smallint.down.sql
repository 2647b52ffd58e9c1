BEGIN;
--
-- Alter field capacity on room
--
ALTER TABLE "spaces_room" ALTER COLUMN "capacity" TYPE integer USING "capacity"::integer;
COMMIT;
