create table public.threads (
  id uuid default gen_random_uuid() primary key,
  category_id bigint references public.categories on delete set null,
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  title text not null check (char_length(title) between 3 and 200),
  body text default null,
  created_at timestamp with time zone default timezone('utc'::text, now()) not null,
  updated_at timestamp with time zone default null
);

create index on public.threads (category_id);
create index on public.threads (author_id);

alter table public.threads enable row level security;

create policy "Threads are viewable by everyone" on public.threads
  for select using (true);

create policy "Authenticated users can create threads" on public.threads
  for insert to authenticated with check (auth.uid() = author_id);

create policy "Authors can update their threads" on public.threads
  for update using (auth.uid() = author_id);
