alter publication supabase_realtime drop table public.notifications;
drop table public.notifications;
