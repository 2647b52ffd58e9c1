drop trigger handle_updated_at on public.threads;
drop trigger handle_updated_at on public.profiles;
drop extension if exists moddatetime;
