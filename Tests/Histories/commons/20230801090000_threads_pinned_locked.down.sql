drop index public.threads_category_id_pinned_at_idx;
alter table public.threads drop column locked, drop column pinned_at;
