-- == Running 20210301100000 Courier.Repo.Migrations.DeliveriesAddressesJsonb.down/0 backward
DROP INDEX "deliveries_dropoff_postcode_index";
ALTER TABLE "deliveries" ALTER COLUMN "dropoff_address" TYPE text USING "dropoff_address" ->> 'line1';
ALTER TABLE "deliveries" ALTER COLUMN "pickup_address" TYPE text USING "pickup_address" ->> 'line1';
