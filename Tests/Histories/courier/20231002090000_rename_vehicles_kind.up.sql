-- == Running 20231002090000 Courier.Repo.Migrations.RenameVehiclesKind.change/0 forward
-- rename table vehicles column kind to vehicle_type; seed the list of types
ALTER TABLE "vehicles" RENAME "kind" TO "vehicle_type";
CREATE TABLE "vehicle_types" ("name" varchar(255), "label" varchar(255) NOT NULL, PRIMARY KEY ("name"));
INSERT INTO vehicle_types (name, label) VALUES ('bike', 'Fahrrad'), ('cargo_bike', 'Lastenrad / vélo cargo'), ('van', 'Transporter'), ('scooter', 'Motorroller');
INSERT INTO vehicle_types (name, label) SELECT DISTINCT vehicle_type, vehicle_type FROM vehicles ON CONFLICT DO NOTHING;
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_vehicle_type_fkey" FOREIGN KEY ("vehicle_type") REFERENCES "vehicle_types"("name") ON UPDATE CASCADE;
