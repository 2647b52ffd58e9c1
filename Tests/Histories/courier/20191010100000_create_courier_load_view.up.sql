-- == Running 20191010100000 Courier.Repo.Migrations.CreateCourierLoadView.up/0 forward
-- execute "CREATE VIEW courier_load ..." (for the dispatch board)
CREATE VIEW courier_load AS
SELECT c.id AS courier_id,
       c.name AS courier_name,
       c.phone,
       count(d.id) FILTER (WHERE d.status IN ('assigned', 'picked_up')) AS open_deliveries,
       coalesce(sum(d.weight_grams) FILTER (WHERE d.status = 'picked_up'), 0) AS carried_grams,
       string_agg(DISTINCT cu.name, ', ') AS customers
  FROM couriers c
  LEFT JOIN deliveries d ON d.courier_id = c.id
  LEFT JOIN customers cu ON cu.id = d.customer_id
 GROUP BY c.id, c.name, c.phone;
