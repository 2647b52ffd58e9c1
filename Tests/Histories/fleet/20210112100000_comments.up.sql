COMMENT ON TABLE public.telemetry IS 'Raw device readings, one row per metric.
Partitioned by month (UTC); partitions are created by the "partman" job, not by hand.';
COMMENT ON COLUMN public.api_keys.key_hash IS 'SHA-256 of the key. The key itself is shown once and never stored — don''t log it.';
COMMENT ON COLUMN public.api_keys.prefix IS E'First 8 characters of the key, shown in the UI as "fk_xxxx…"';
