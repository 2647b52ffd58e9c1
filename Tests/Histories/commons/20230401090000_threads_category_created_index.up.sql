create index concurrently on public.threads (category_id, created_at desc);
