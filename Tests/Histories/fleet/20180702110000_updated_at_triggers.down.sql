DROP TRIGGER set_updated_at ON public.devices;
DROP TRIGGER set_updated_at ON public.organizations;
DROP FUNCTION public.tg_set_updated_at();
ALTER TABLE public.devices DROP COLUMN updated_at;
ALTER TABLE public.organizations DROP COLUMN updated_at;
