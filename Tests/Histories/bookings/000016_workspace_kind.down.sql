BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field kind to workspace
--
ALTER TABLE "spaces_workspace" DROP COLUMN "kind" CASCADE;
COMMIT;
