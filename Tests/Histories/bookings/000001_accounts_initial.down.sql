BEGIN;
--
-- Create model User
--
DROP TABLE "accounts_user_teams" CASCADE;
DROP TABLE "accounts_user" CASCADE;
--
-- Create model Team
--
DROP TABLE "accounts_team" CASCADE;
COMMIT;
