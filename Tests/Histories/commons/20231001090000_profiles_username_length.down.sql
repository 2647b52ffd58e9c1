alter table public.profiles alter column username type text;
