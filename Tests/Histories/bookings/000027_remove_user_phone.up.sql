BEGIN;
--
-- Remove field phone from user
--
ALTER TABLE "accounts_user" DROP COLUMN "phone" CASCADE;
COMMIT;
