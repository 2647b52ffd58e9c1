COMMENT ON COLUMN public.api_keys.prefix IS NULL;
COMMENT ON COLUMN public.api_keys.key_hash IS NULL;
COMMENT ON TABLE public.telemetry IS NULL;
