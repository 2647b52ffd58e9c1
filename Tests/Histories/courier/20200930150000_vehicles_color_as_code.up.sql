-- == Running 20200930150000 Courier.Repo.Migrations.VehiclesColorAsCode.change/0 forward
-- alter table vehicles (remove :color, add :color_code)
ALTER TABLE "vehicles" DROP COLUMN "color";
ALTER TABLE "vehicles" ADD COLUMN "color_code" char(7);
-- create constraint color_code_hex
ALTER TABLE "vehicles" ADD CONSTRAINT "color_code_hex" CHECK (color_code ~ '^#[0-9a-f]{6}$');
