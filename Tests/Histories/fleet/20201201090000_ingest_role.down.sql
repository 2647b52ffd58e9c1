REVOKE UPDATE (last_seen_at) ON public.devices FROM fleet_ingest;
REVOKE INSERT ON public.telemetry FROM fleet_ingest;
REVOKE SELECT ON public.devices, public.api_keys FROM fleet_ingest;
