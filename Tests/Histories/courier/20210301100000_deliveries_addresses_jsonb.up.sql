-- == Running 20210301100000 Courier.Repo.Migrations.DeliveriesAddressesJsonb.up/0 forward
-- execute: addresses become structured (street, city, postcode, geo); old text goes into "line1"
ALTER TABLE "deliveries" ALTER COLUMN "pickup_address" TYPE jsonb USING jsonb_build_object('line1', "pickup_address");
ALTER TABLE "deliveries" ALTER COLUMN "dropoff_address" TYPE jsonb USING jsonb_build_object('line1', "dropoff_address");
-- create index deliveries_dropoff_postcode_index
CREATE INDEX "deliveries_dropoff_postcode_index" ON "deliveries" ((dropoff_address ->> 'postcode'));
