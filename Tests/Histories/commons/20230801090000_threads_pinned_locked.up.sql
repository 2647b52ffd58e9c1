alter table public.threads
  add column pinned_at timestamptz default null,
  add column locked boolean not null default false;

create index on public.threads (category_id, pinned_at) where pinned_at is not null;
