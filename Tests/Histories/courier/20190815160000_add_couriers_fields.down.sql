-- == Running 20190815160000 Courier.Repo.Migrations.AddCouriersFields.change/0 backward
-- drop constraint rating_range
ALTER TABLE "couriers" DROP CONSTRAINT "rating_range";
-- alter table couriers
ALTER TABLE "couriers" DROP COLUMN "last_seen_at", DROP COLUMN "languages", DROP COLUMN "active", DROP COLUMN "rating";
