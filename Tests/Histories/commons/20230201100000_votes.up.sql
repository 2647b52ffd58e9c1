create table public.votes (
  thread_id uuid not null references public.threads on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles on delete cascade,
  value smallint not null check (value in (-1, 1)),
  created_at timestamptz not null default now(),
  primary key (thread_id, user_id)
);

alter table public.votes enable row level security;

create policy "Votes are public" on public.votes for select using (true);
create policy "Users vote as themselves" on public.votes
  for insert to authenticated with check (auth.uid() = user_id);
create policy "Users change own vote" on public.votes
  for update to authenticated using (auth.uid() = user_id);
create policy "Users delete own vote" on public.votes
  for delete to authenticated using (auth.uid() = user_id);
