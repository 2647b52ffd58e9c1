-- == Running 20190402120000 Courier.Repo.Migrations.AddDeliveriesTrackingCode.change/0 forward
-- alter table deliveries
ALTER TABLE "deliveries" ADD COLUMN "tracking_code" varchar(255);
-- create index deliveries_tracking_code_index
CREATE UNIQUE INDEX "deliveries_tracking_code_index" ON "deliveries" ("tracking_code");
