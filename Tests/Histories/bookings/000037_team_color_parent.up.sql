BEGIN;
--
-- Add field color to team
--
ALTER TABLE "accounts_team" ADD COLUMN "color" varchar(7) DEFAULT '#4f46e5' NOT NULL;
--
-- Add field parent to team
--
ALTER TABLE "accounts_team" ADD COLUMN "parent_id" bigint NULL CONSTRAINT "accounts_team_parent_id_6c6f6e1c_fk_accounts_team_id" REFERENCES "accounts_team"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "accounts_team_parent_id_6c6f6e1c_fk_accounts_team_id" IMMEDIATE;
CREATE INDEX "accounts_team_parent_id_6c6f6e1c" ON "accounts_team" ("parent_id");
COMMIT;
