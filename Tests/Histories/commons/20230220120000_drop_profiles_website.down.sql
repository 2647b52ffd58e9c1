alter table public.profiles add column website text;
