ALTER TABLE public.firmware_releases DROP COLUMN signature, DROP COLUMN signature_algorithm;
DROP TYPE public.signature_algorithm;
