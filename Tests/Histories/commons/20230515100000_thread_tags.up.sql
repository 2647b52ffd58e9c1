alter table public.threads add column tags text[] not null default '{}'::text[];
create index threads_tags_idx on public.threads using gin (tags);
