DROP TABLE public.telemetry;
