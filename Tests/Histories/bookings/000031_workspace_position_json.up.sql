BEGIN;
--
-- Add field position to workspace
--
ALTER TABLE "spaces_workspace" ADD COLUMN "position" jsonb NULL;
--
-- Raw Python operation
--
UPDATE "spaces_workspace" SET "position" = jsonb_build_object('x', "x", 'y', "y") WHERE "x" IS NOT NULL;
--
-- Remove field x from workspace
--
ALTER TABLE "spaces_workspace" DROP COLUMN "x" CASCADE;
--
-- Remove field y from workspace
--
ALTER TABLE "spaces_workspace" DROP COLUMN "y" CASCADE;
COMMIT;
