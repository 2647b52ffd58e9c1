create index on public.threads (category_id);
