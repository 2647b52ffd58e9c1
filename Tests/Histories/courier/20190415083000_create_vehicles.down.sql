-- == Running 20190415083000 Courier.Repo.Migrations.CreateVehicles.change/0 backward
-- drop index couriers_vehicle_id_index
DROP INDEX "couriers_vehicle_id_index";
-- alter table couriers
ALTER TABLE "couriers" DROP COLUMN "vehicle_id";
-- drop index vehicles_plate_index
DROP INDEX "vehicles_plate_index";
-- drop table vehicles
DROP TABLE "vehicles";
