-- Replies get a uuid key (for the realtime client) and threading (parent_id).
-- The old table stays as posts_legacy until the copy has been checked.
alter table public.posts rename to posts_legacy;

create table public.posts (
  id uuid default gen_random_uuid() primary key,
  thread_id uuid not null references public.threads on delete cascade,
  parent_id uuid references public.posts on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles on delete cascade,
  body text not null,
  created_at timestamp with time zone default timezone('utc'::text, now()) not null,
  edited_at timestamp with time zone
);

create index on public.posts (thread_id, created_at);

alter table public.posts enable row level security;

create policy "Posts are viewable by everyone" on public.posts
  for select using (true);

create policy "Users can post" on public.posts
  for insert to authenticated with check (auth.uid() = author_id);

alter publication supabase_realtime add table public.posts;
