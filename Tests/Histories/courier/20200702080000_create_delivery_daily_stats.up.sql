-- == Running 20200702080000 Courier.Repo.Migrations.CreateDeliveryDailyStats.up/0 forward
-- execute: materialized view for the ops dashboard, refreshed by refresh_delivery_daily_stats()
-- (called by the Stats.Refresh job every 5 minutes)
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
CREATE FUNCTION refresh_delivery_daily_stats() RETURNS void AS $$
BEGIN
  -- CONCURRENTLY needs a populated view: the first refresh is a plain one
  IF (SELECT relispopulated FROM pg_class WHERE oid = 'delivery_daily_stats'::regclass) THEN
    REFRESH MATERIALIZED VIEW CONCURRENTLY delivery_daily_stats;
  ELSE
    REFRESH MATERIALIZED VIEW delivery_daily_stats;
  END IF;
END;
$$ LANGUAGE plpgsql;
