drop table public.threads;
