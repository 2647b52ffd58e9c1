-- == Running 20190402120000 Courier.Repo.Migrations.AddDeliveriesTrackingCode.change/0 backward
-- drop index deliveries_tracking_code_index
DROP INDEX "deliveries_tracking_code_index";
-- alter table deliveries
ALTER TABLE "deliveries" DROP COLUMN "tracking_code";
