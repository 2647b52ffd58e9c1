BEGIN;
--
-- Remove field phone from user
--
ALTER TABLE "accounts_user" ADD COLUMN "phone" varchar(32) NUL;
COMMIT;
