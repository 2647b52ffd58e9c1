CREATE INDEX ON telemetry USING gin (payload jsonb_path_ops) WHERE payload IS NOT NULL;
