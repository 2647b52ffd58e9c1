DROP MATERIALIZED VIEW daily_device_metrics;
