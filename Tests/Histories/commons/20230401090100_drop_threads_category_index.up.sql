-- superseded by threads_category_id_created_at_idx
drop index public.threads_category_id_idx;
