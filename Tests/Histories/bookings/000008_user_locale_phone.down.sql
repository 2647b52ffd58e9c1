BEGIN;
--
-- Add field phone to user
--
ALTER TABLE "accounts_user" DROP COLUMN "phone" CASCADE;
--
-- Add field locale to user
--
ALTER TABLE "accounts_user" DROP COLUMN "locale" CASCADE;
COMMIT;
