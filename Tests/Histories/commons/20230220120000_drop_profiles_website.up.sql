alter table public.profiles drop column website;
