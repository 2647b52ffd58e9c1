drop index public.posts_fts_idx;
alter table public.posts drop column fts;
