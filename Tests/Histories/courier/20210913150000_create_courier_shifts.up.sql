-- == Running 20210913150000 Courier.Repo.Migrations.CreateCourierShifts.change/0 forward
-- create table courier_shifts
CREATE TABLE "courier_shifts" ("id" bigserial, "courier_id" bigint NOT NULL CONSTRAINT "courier_shifts_courier_id_fkey" REFERENCES "couriers"("id") ON DELETE CASCADE, "starts_at" timestamp(6) NOT NULL, "ends_at" timestamp(6), "zone" varchar(255), "inserted_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL, PRIMARY KEY ("id"));
-- create index courier_shifts_courier_id_starts_at_index
CREATE INDEX "courier_shifts_courier_id_starts_at_index" ON "courier_shifts" ("courier_id", "starts_at");
-- create index courier_shifts_open_index (where: "ends_at IS NULL")
CREATE UNIQUE INDEX "courier_shifts_open_index" ON "courier_shifts" ("courier_id") WHERE ends_at IS NULL;
-- create constraint ends_after_starts
ALTER TABLE "courier_shifts" ADD CONSTRAINT "ends_after_starts" CHECK (ends_at IS NULL OR ends_at > starts_at);
