comment on table public.profiles is 'Profile data for each user.';
comment on column public.profiles.id is 'References the internal auth user.';
comment on table public.threads is 'Fil de discussion — « thread » — one per topic';
comment on column public.posts.parent_id is E'Reply tree.\nnull = top-level reply.';
