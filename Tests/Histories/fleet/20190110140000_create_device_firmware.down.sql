DROP TABLE public.device_firmware;
