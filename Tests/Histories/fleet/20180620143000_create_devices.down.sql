DROP TABLE public.devices;
