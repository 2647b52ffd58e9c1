-- == Running 20200930150000 Courier.Repo.Migrations.VehiclesColorAsCode.change/0 backward
-- drop constraint color_code_hex
ALTER TABLE "vehicles" DROP CONSTRAINT "color_code_hex";
-- alter table vehicles
ALTER TABLE "vehicles" DROP COLUMN "color_code";
ALTER TABLE "vehicles" ADD COLUMN "color" varchar(255);
