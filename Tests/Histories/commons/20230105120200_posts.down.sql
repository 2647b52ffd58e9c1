drop view public.thread_reply_counts;
drop table public.posts;
