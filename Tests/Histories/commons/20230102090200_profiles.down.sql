drop table if exists public.profiles;
