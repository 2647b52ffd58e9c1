DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'fleet_ingest') THEN
        CREATE ROLE fleet_ingest NOLOGIN;
    END IF;
END
$$;

GRANT SELECT ON public.devices, public.api_keys TO fleet_ingest;
GRANT INSERT ON public.telemetry TO fleet_ingest;
GRANT UPDATE (last_seen_at) ON public.devices TO fleet_ingest;
