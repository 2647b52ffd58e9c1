-- == Running 20190314101500 Courier.Repo.Migrations.CreateCouriers.change/0 backward
-- drop index couriers_phone_index
DROP INDEX "couriers_phone_index";
-- drop table couriers
DROP TABLE "couriers";
