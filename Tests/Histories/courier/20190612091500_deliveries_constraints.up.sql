-- == Running 20190612091500 Courier.Repo.Migrations.DeliveriesConstraints.change/0 forward
-- create constraint weight_must_be_positive
ALTER TABLE "deliveries" ADD CONSTRAINT "weight_must_be_positive" CHECK (weight_grams > 0);
-- alter table deliveries (modify :weight_grams, :integer, null: false, from: :integer)
UPDATE "deliveries" SET "weight_grams" = 1000 WHERE "weight_grams" IS NULL;
ALTER TABLE "deliveries" ALTER COLUMN "weight_grams" TYPE integer, ALTER COLUMN "weight_grams" SET NOT NULL;
