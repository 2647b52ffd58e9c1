DROP TABLE public.device_models;
