-- == Running 20240305100000 Courier.Repo.Migrations.CourierLoadWithVehicle.up/0 forward
-- execute: the dispatch board also shows the vehicle; column list grows at the end (CREATE OR REPLACE)
CREATE OR REPLACE VIEW courier_load AS
SELECT c.id AS courier_id,
       c.name AS courier_name,
       c.phone_number AS phone,
       count(d.id) FILTER (WHERE d.status IN ('assigned', 'picked_up')) AS open_deliveries,
       coalesce(sum(d.weight_grams) FILTER (WHERE d.status = 'picked_up'), 0) AS carried_grams,
       string_agg(DISTINCT r.name, ', ') AS recipients,
       v.vehicle_type,
       v.max_load_grams
  FROM couriers c
  LEFT JOIN vehicles v ON v.id = c.vehicle_id
  LEFT JOIN deliveries d ON d.courier_id = c.id
  LEFT JOIN recipients r ON r.id = d.recipient_id
 GROUP BY c.id, c.name, c.phone_number, v.vehicle_type, v.max_load_grams;
