BEGIN;
--
-- Custom state/database change combination
--
ALTER TABLE "accounts_user_teams" RENAME TO "accounts_membership";
--
-- Add field role to membership
--
ALTER TABLE "accounts_membership" ADD COLUMN "role" varchar(20) DEFAULT 'member' NOT NULL;
ALTER TABLE "accounts_membership" ALTER COLUMN "role" DROP DEFAULT;
--
-- Add field joined_at to membership
--
ALTER TABLE "accounts_membership" ADD COLUMN "joined_at" timestamp with time zone DEFAULT '2023-01-01T00:00:00+00:00'::timestamptz NOT NULL;
ALTER TABLE "accounts_membership" ALTER COLUMN "joined_at" DROP DEFAULT;
COMMIT;
