drop policy "Moderators read reports" on public.reports;
drop policy "Moderators can delete posts" on public.posts;
drop policy "Moderators can update any thread" on public.threads;
drop function public.is_moderator();
alter table public.profiles drop column role;
drop type public.member_role;
