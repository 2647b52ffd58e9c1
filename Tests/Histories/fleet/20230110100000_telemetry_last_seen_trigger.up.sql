CREATE OR REPLACE FUNCTION public.tg_telemetry_last_seen() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE public.devices
    SET last_seen_at = NEW.recorded_at
    WHERE id = NEW.device_id
      AND (last_seen_at IS NULL OR last_seen_at < NEW.recorded_at);
    RETURN NULL;
END;
$$;

CREATE TRIGGER telemetry_last_seen AFTER INSERT ON public.telemetry
    FOR EACH ROW EXECUTE FUNCTION public.tg_telemetry_last_seen();
