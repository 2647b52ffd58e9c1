-- == Running 20200115100000 Courier.Repo.Migrations.DeliveryStatusEnum.up/0 forward
-- def up only: the values in production were checked by hand first (no down: we never go back)
-- execute
CREATE TYPE delivery_status AS ENUM ('pending', 'assigned', 'picked_up', 'delivered', 'failed', 'returned');
-- the view uses status; Ecto's modify cannot do this, so by hand
DROP VIEW courier_load;
ALTER TABLE "deliveries" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "deliveries" ALTER COLUMN "status" TYPE delivery_status USING "status"::delivery_status;
ALTER TABLE "deliveries" ALTER COLUMN "status" SET DEFAULT 'pending';
CREATE VIEW courier_load AS
SELECT c.id AS courier_id,
       c.name AS courier_name,
       c.phone,
       count(d.id) FILTER (WHERE d.status IN ('assigned', 'picked_up')) AS open_deliveries,
       coalesce(sum(d.weight_grams) FILTER (WHERE d.status = 'picked_up'), 0) AS carried_grams,
       string_agg(DISTINCT r.name, ', ') AS recipients
  FROM couriers c
  LEFT JOIN deliveries d ON d.courier_id = c.id
  LEFT JOIN recipients r ON r.id = d.recipient_id
 GROUP BY c.id, c.name, c.phone;
