BEGIN;
--
-- Remove field y from workspace
--
ALTER TABLE "spaces_workspace" ADD COLUMN "y" integer NULL;
--
-- Remove field x from workspace
--
ALTER TABLE "spaces_workspace" ADD COLUMN "x" integer NULL;
--
-- Raw Python operation
--
UPDATE "spaces_workspace" SET "x" = ("position" ->> 'x')::integer, "y" = ("position" ->> 'y')::integer WHERE "position" IS NOT NULL;
--
-- Add field position to workspace
--
ALTER TABLE "spaces_workspace" DROP COLUMN "position" CASCADE;
COMMIT;
