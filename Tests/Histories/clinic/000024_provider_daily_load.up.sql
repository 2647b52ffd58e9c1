-- Running upgrade 7b0e2c4a9d61 -> 5f3d9b1e7c08

CREATE MATERIALIZED VIEW mv_provider_daily_load AS
SELECT a.provider_id,
       CAST(a.starts_at AT TIME ZONE 'UTC' AS DATE) AS day,
       count(*) AS appointment_count,
       CAST(sum(EXTRACT(EPOCH FROM a.ends_at - a.starts_at) / 60) AS INTEGER) AS booked_minutes
  FROM appointments a
 WHERE a.status <> 'cancelled'
 GROUP BY a.provider_id, CAST(a.starts_at AT TIME ZONE 'UTC' AS DATE)
WITH DATA;

CREATE UNIQUE INDEX uq_mv_provider_daily_load ON mv_provider_daily_load (provider_id, day);
