BEGIN;
--
-- Add field parent to team
--
ALTER TABLE "accounts_team" DROP COLUMN "parent_id" CASCADE;
--
-- Add field color to team
--
ALTER TABLE "accounts_team" DROP COLUMN "color" CASCADE;
COMMIT;
