-- == Running 20190314101500 Courier.Repo.Migrations.CreateCouriers.change/0 forward
-- create table couriers
CREATE TABLE "couriers" ("id" bigserial, "name" varchar(255) NOT NULL, "phone" varchar(255), "email" varchar(255), "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
-- create index couriers_phone_index
CREATE UNIQUE INDEX "couriers_phone_index" ON "couriers" ("phone");
