create table public.bookmarks (
  user_id uuid default auth.uid() references public.profiles on delete cascade,
  thread_id uuid references public.threads on delete cascade,
  created_at timestamptz default now() not null,
  primary key (user_id, thread_id),
  unique (user_id, thread_id)
);

alter table public.bookmarks enable row level security;

create policy "Users manage own bookmarks" on public.bookmarks
  for all to authenticated using (auth.uid() = user_id) with check (auth.uid() = user_id);
