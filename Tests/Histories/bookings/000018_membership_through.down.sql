BEGIN;
--
-- Add field joined_at to membership
--
ALTER TABLE "accounts_membership" DROP COLUMN "joined_at" CASCADE;
--
-- Add field role to membership
--
ALTER TABLE "accounts_membership" DROP COLUMN "role" CASCADE;
--
-- Custom state/database change combination
--
ALTER TABLE "accounts_membership" RENAME "accounts_user_teams";
COMMIT;
