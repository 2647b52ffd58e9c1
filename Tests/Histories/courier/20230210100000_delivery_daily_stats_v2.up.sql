-- == Running 20230210100000 Courier.Repo.Migrations.DeliveryDailyStatsV2.up/0 forward
-- execute: cancelled deliveries counted apart; per-depot stats would come later
DROP MATERIALIZED VIEW delivery_daily_stats;
CREATE MATERIALIZED VIEW delivery_daily_stats AS
SELECT d.inserted_at::date AS day,
       d.courier_id,
       count(*) AS total,
       count(*) FILTER (WHERE d.status = 'delivered') AS delivered,
       count(*) FILTER (WHERE d.status IN ('failed', 'returned')) AS failed,
       count(*) FILTER (WHERE d.status = 'cancelled') AS cancelled,
       round(avg(d.weight_grams))::integer AS avg_weight_grams,
       max(d.updated_at) AS last_change_at
  FROM deliveries d
 GROUP BY d.inserted_at::date, d.courier_id
WITH NO DATA;
CREATE UNIQUE INDEX "delivery_daily_stats_day_courier_id_index" ON delivery_daily_stats (day, courier_id);
SELECT refresh_delivery_daily_stats();
