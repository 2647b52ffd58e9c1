drop view public.thread_stats;
