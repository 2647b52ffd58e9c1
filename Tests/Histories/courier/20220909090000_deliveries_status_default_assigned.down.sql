-- == Running 20220909090000 Courier.Repo.Migrations.DeliveriesStatusDefaultAssigned.change/0 backward
ALTER TABLE "deliveries" DROP CONSTRAINT "cancel_reason_when_cancelled";
ALTER TABLE "deliveries" DROP COLUMN "cancel_reason", DROP COLUMN "cancelled_at";
-- written by hand: rebuild delivery_status without 'cancelled'; what reads the column goes and comes back
DROP VIEW courier_load;
DROP MATERIALIZED VIEW delivery_daily_stats;
UPDATE "deliveries" SET "status" = 'failed' WHERE "status" = 'cancelled';
ALTER TYPE delivery_status RENAME TO delivery_status_old;
CREATE TYPE delivery_status AS ENUM ('pending', 'assigned', 'picked_up', 'delivered', 'failed', 'returned');
ALTER TABLE "deliveries" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "deliveries" ALTER COLUMN "status" TYPE delivery_status USING "status"::text::delivery_status;
ALTER TABLE "deliveries" ALTER COLUMN "status" SET DEFAULT 'pending';
DROP TYPE delivery_status_old;
CREATE MATERIALIZED VIEW delivery_daily_stats AS
SELECT d.inserted_at::date AS day,
       d.courier_id,
       count(*) AS total,
       count(*) FILTER (WHERE d.status = 'delivered') AS delivered,
       count(*) FILTER (WHERE d.status IN ('failed', 'returned')) AS failed,
       round(avg(d.weight_grams))::integer AS avg_weight_grams
  FROM deliveries d
 GROUP BY d.inserted_at::date, d.courier_id
WITH NO DATA;
CREATE UNIQUE INDEX "delivery_daily_stats_day_courier_id_index" ON delivery_daily_stats (day, courier_id);
CREATE VIEW courier_load AS
SELECT c.id AS courier_id,
       c.name AS courier_name,
       c.phone_number AS phone,
       count(d.id) FILTER (WHERE d.status IN ('assigned', 'picked_up')) AS open_deliveries,
       coalesce(sum(d.weight_grams) FILTER (WHERE d.status = 'picked_up'), 0) AS carried_grams,
       string_agg(DISTINCT r.name, ', ') AS recipients
  FROM couriers c
  LEFT JOIN deliveries d ON d.courier_id = c.id
  LEFT JOIN recipients r ON r.id = d.recipient_id
 GROUP BY c.id, c.name, c.phone_number;
