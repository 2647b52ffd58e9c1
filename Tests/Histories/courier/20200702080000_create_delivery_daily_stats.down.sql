-- == Running 20200702080000 Courier.Repo.Migrations.CreateDeliveryDailyStats.down/0 backward
DROP FUNCTION refresh_delivery_daily_stats();
DROP MATERIALIZED VIEW delivery_daily_stats;
