-- == Running 20190612091500 Courier.Repo.Migrations.DeliveriesConstraints.change/0 backward
-- alter table deliveries
ALTER TABLE "deliveries" ALTER COLUMN "weight_grams" TYPE integer, ALTER COLUMN "weight_grams" DROP NOT NULL;
-- drop constraint weight_must_be_positive
ALTER TABLE "deliveries" DROP CONSTRAINT "weight_must_be_positive";
