drop table public.posts;
alter table public.posts_legacy rename to;
