-- == Running 20201105100000 Courier.Repo.Migrations.CouriersEmailCitext.change/0 forward
-- alter table couriers (modify :email, :citext, from: :string)
ALTER TABLE "couriers" ALTER COLUMN "email" TYPE citext;
-- create index couriers_email_index
CREATE UNIQUE INDEX "couriers_email_index" ON "couriers" ("email") WHERE email IS NOT NULL;
