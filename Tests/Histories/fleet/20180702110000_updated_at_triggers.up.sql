ALTER TABLE public.organizations ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE public.devices ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION public.tg_set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at := clock_timestamp();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.organizations
    FOR EACH ROW EXECUTE FUNCTION public.tg_set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.devices
    FOR EACH ROW EXECUTE FUNCTION public.tg_set_updated_at();
