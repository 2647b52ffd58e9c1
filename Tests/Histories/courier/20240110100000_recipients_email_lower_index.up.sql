-- == Running 20240110100000 Courier.Repo.Migrations.RecipientsEmailLowerIndex.change/0 forward
-- email is citext already; the old unique index goes, a partial one for active recipients replaces it
ALTER TABLE "recipients" ADD COLUMN "deleted_at" timestamp(0);
DROP INDEX "recipients_email_index";
CREATE UNIQUE INDEX "recipients_email_index" ON "recipients" ("email") WHERE deleted_at IS NULL;
