create table public.posts (
  id bigint generated always as identity primary key,
  thread_id uuid not null references public.threads on delete cascade,
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

create view public.thread_reply_counts as
  select t.id as thread_id, count(p.id) as replies, max(p.created_at) as last_reply_at
    from public.threads t
    left join public.posts p on p.thread_id = t.id
   group by t.id;
