-- == Running 20190415083000 Courier.Repo.Migrations.CreateVehicles.change/0 forward
-- create table vehicles
CREATE TABLE "vehicles" ("id" bigserial, "kind" varchar(255) NOT NULL, "plate" varchar(255), "color" varchar(255), "max_load_grams" integer DEFAULT 20000 NOT NULL, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
-- create index vehicles_plate_index
CREATE UNIQUE INDEX "vehicles_plate_index" ON "vehicles" ("plate");
-- alter table couriers
ALTER TABLE "couriers" ADD COLUMN "vehicle_id" bigint CONSTRAINT "couriers_vehicle_id_fkey" REFERENCES "vehicles"("id") ON DELETE SET NULL;
-- create index couriers_vehicle_id_index
CREATE INDEX "couriers_vehicle_id_index" ON "couriers" ("vehicle_id");
