-- == Running 20200415100000 Courier.Repo.Migrations.DeliveriesTimestampsUsec.change/0 forward
-- alter table deliveries (modify :inserted_at, :utc_datetime_usec, from: :naive_datetime)
ALTER TABLE "deliveries" ALTER COLUMN "inserted_at" TYPE timestamp(6), ALTER COLUMN "updated_at" TYPE timestamp(6);
-- alter table couriers
ALTER TABLE "couriers" ALTER COLUMN "inserted_at" TYPE timestamp(6), ALTER COLUMN "updated_at" TYPE timestamp(6);
