-- == Running 20211020100000 Courier.Repo.Migrations.DeliveriesTrackingCodeUniqueNotNull.change/0 backward
DROP INDEX "deliveries_tracking_code_index";
ALTER TABLE "deliveries" ALTER COLUMN "tracking_code" TYPE varchar(255), ALTER COLUMN "tracking_code" DROP NOT NULL;
CREATE UNIQUE INDEX "deliveries_tracking_code_index" ON "deliveries" ("tracking_code");
