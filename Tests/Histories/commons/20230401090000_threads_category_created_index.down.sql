drop index concurrently if exists public.threads_category_id_created_at_idx;
