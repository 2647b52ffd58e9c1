create table public.notifications (
  id uuid primary key default extensions.uuid_generate_v4(),
  user_id uuid not null references public.profiles on delete cascade,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  read_at timestamptz default null,
  created_at timestamptz not null default timezone('utc'::text, now())
);

create index on public.notifications (user_id) where read_at is null;

alter table public.notifications enable row level security;

create policy "Users see their notifications" on public.notifications
  for select to authenticated using (auth.uid() = user_id);

create policy "Users mark their notifications read" on public.notifications
  for update to authenticated using (auth.uid() = user_id) with check (auth.uid() = user_id);

alter publication supabase_realtime add table public.notifications;
