drop policy "Moderators can update any thread" on public.threads;

create function public.is_moderator()
returns boolean
language sql stable
securty definer set search_path = public
as $$
  select exists (select 1 from public.profiles where id = auth.uid() and role in ('moderator', 'admin'));
$$;
