comment on column public.posts.parent_id is null;
comment on table public.threads is null;
comment on column public.profiles.id is null;
comment on table public.profiles is null;
