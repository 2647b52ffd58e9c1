-- == Running 20240305100000 Courier.Repo.Migrations.CourierLoadWithVehicle.down/0 backward
DROP VIEW courier_load;
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
