-- == Running 20200415100000 Courier.Repo.Migrations.DeliveriesTimestampsUsec.change/0 backward
-- alter table couriers
ALTER TABLE "couriers" ALTER COLUMN "inserted_at" TYPE timestamp(0), ALTER COLUMN "updated_at" TYPE timestamp(0);
-- alter table deliveries
ALTER TABLE "deliveries" ALTER COLUMN "inserted_at" TYPE timestamp(0), ALTER COLUMN "updated_at" TYPE timestamp(0);
