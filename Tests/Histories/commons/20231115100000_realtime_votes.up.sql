-- old rows in UPDATE/DELETE events for the client-side reply tree
alter table public.posts replica identity full;
alter publication supabase_realtime add table public.votes;
