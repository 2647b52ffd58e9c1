-- == Running 20230210100000 Courier.Repo.Migrations.DeliveryDailyStatsV2.down/0 backward
DROP MATERIALIZED VIEW delivery_daily_stats;
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
