DROP TABLE public.firmware_releases;
DROP TYPE public.release_channel;
