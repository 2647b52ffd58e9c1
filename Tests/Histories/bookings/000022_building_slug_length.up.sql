BEGIN;
--
-- Alter field slug on building
--
ALTER TABLE "spaces_building" ALTER COLUMN "slug" TYPE varchar(80) USING "slug"::varchar(80);
--
-- Alter field timezone on building
--
ALTER TABLE "spaces_building" ALTER COLUMN "timezone" SET DEFAULT 'Europe/Berlin';
UPDATE "spaces_building" SET "timezone" = DEFAULT WHERE "timezone" = '';
ALTER TABLE "spaces_building" ALTER COLUMN "timezone" DROP DEFAULT;
COMMIT;
