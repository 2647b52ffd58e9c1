DROP TRIGGER postings_audit ON public.postings;
DROP SCHEMA audit CASCADE;
