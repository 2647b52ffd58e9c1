DROP MATERIALIZED VIEW daily_device_metrics;

CREATE MATERIALIZED VIEW daily_device_metrics AS
SELECT device_id,
       date_trunc('day', recorded_at) AS day,
       metric,
       avg(value) AS avg_value,
       max(value) AS max_value,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY value) AS p95_value,
       count(*) AS samples
FROM telemetry
GROUP BY 1, 2, 3
WITH NO DATA;

CREATE UNIQUE INDEX ON daily_device_metrics (device_id, day, metric);
