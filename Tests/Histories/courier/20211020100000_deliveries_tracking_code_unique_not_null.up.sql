-- == Running 20211020100000 Courier.Repo.Migrations.DeliveriesTrackingCodeUniqueNotNull.change/0 forward
-- drop index deliveries_tracking_code_index
DROP INDEX "deliveries_tracking_code_index";
-- execute: old rows get a code first
UPDATE "deliveries" SET "tracking_code" = 'LEG-' || lpad("id"::text, 8, '0') WHERE "tracking_code" IS NULL;
-- alter table deliveries (modify :tracking_code, :string, null: false, size: 32)
ALTER TABLE "deliveries" ALTER COLUMN "tracking_code" TYPE varchar(32), ALTER COLUMN "tracking_code" SET NOT NULL;
-- create index deliveries_tracking_code_index
CREATE UNIQUE INDEX "deliveries_tracking_code_index" ON "deliveries" (upper("tracking_code"));
