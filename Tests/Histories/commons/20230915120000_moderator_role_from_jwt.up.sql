-- The member role now comes in the JWT (custom access token hook).
-- cascade drops the three policies that call is_moderator(); one comes back.
drop function public.is_moderator() cascade;

create policy "Moderators can update any thread" on public.threads
  for update to authenticated
  using ((auth.jwt() ->> 'user_role') in ('moderator', 'admin'));
