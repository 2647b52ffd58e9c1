-- == Running 20190815160000 Courier.Repo.Migrations.AddCouriersFields.change/0 forward
-- alter table couriers
ALTER TABLE "couriers" ADD COLUMN "rating" decimal(3,2), ADD COLUMN "active" boolean DEFAULT true NOT NULL, ADD COLUMN "languages" varchar(255)[] DEFAULT ARRAY[]::varchar[] NOT NULL, ADD COLUMN "last_seen_at" timestamp(0);
-- create constraint rating_range
ALTER TABLE "couriers" ADD CONSTRAINT "rating_range" CHECK (rating >= 0 and rating <= 5);
