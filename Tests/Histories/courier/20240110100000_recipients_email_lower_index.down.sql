-- == Running 20240110100000 Courier.Repo.Migrations.RecipientsEmailLowerIndex.change/0 backward
DROP INDEX "recipients_email_index";
CREATE UNIQUE INDEX "recipients_email_index" ON "recipients" ("email");
ALTER TABLE "recipients" DROP COLUMN "deleted_at";
