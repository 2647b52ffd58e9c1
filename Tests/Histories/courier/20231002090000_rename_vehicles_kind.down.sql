-- == Running 20231002090000 Courier.Repo.Migrations.RenameVehiclesKind.change/0 backward
ALTER TABLE "vehicles" DROP CONSTRAINT "vehicles_vehicle_type_fkey";
DROP TABLE "vehicle_types";
ALTER TABLE "vehicles" RENAME "vehicle_type" TO "kind";
