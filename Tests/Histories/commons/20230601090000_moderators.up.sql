create type public.member_role as enum ('member', 'moderator', 'admin');

alter table public.profiles add column role public.member_role not null default 'member';

create or replace function public.is_moderator()
returns boolean
language sql stable
security definer set search_path = public
as $$
  select exists (
    select 1 from public.profiles
     where id = auth.uid() and role in ('moderator', 'admin')
  );
$$;

create policy "Moderators can update any thread" on public.threads
  for update to authenticated using (public.is_moderator());

create policy "Moderators can delete posts" on public.posts
  for delete to authenticated using (public.is_moderator());

create policy "Moderators read reports" on public.reports
  for select to authenticated using (public.is_moderator());
