alter publication supabase_realtime drop table public.votes;
alter table public.posts replica identity default;
