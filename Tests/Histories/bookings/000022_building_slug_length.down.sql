BEGIN;
--
-- Alter field timezone on building
--
-- (nothing to do)
--
-- Alter field slug on building
--
ALTER TABLE "spaces_building" ALTER COLUMN "slug" TYPE varchar(50) USING "slug"::varchar(50);
COMMIT;
