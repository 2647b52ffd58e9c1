-- Running downgrade 5f3d9b1e7c08 -> 7b0e2c4a9d61

DROP MATERIALIZED VIEW mv_provider_daily_load;
