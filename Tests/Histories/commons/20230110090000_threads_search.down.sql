drop index public.threads_fts;
alter table public.threads drop column fts;
