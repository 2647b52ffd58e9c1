alter table public.threads drop column tags;
