BEGIN;
--
-- Add field kind to workspace
--
ALTER TABLE "spaces_workspace" ADD COLUMN "kind" varchar(16) DEFAULT 'desk' NOT NULL;
ALTER TABLE "spaces_workspace" ALTER COLUMN "kind" DROP DEFAULT;
--
-- Raw Python operation
--
UPDATE "spaces_workspace" SET "kind" = 'phone_booth' WHERE "code" LIKE 'PB-%';
COMMIT;
