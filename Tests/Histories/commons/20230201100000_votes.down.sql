drop table public.votes;
