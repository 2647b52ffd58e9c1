-- == Running 20201105100000 Courier.Repo.Migrations.CouriersEmailCitext.change/0 backward
-- drop index couriers_email_index
DROP INDEX "couriers_email_index";
-- alter table couriers
ALTER TABLE "couriers" ALTER COLUMN "email" TYPE varchar(255);
