DROP TRIGGER telemetry_last_seen ON public.telemetry;
DROP FUNCTION public.tg_telemetry_last_seen();
