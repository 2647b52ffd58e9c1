BEGIN;
--
-- Add field locale to user
--
ALTER TABLE "accounts_user" ADD COLUMN "locale" varchar(10) DEFAULT 'en' NOT NULL;
ALTER TABLE "accounts_user" ALTER COLUMN "locale" DROP DEFAULT;
--
-- Add field phone to user
--
ALTER TABLE "accounts_user" ADD COLUMN "phone" varchar(32) NULL;
COMMIT;
