DROP TYPE IF EXISTS public.period_status;
