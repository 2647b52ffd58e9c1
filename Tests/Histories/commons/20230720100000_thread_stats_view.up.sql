create or replace view public.thread_stats with (security_invoker = true) as
  select t.id, t.title, t.score, c.slug as category, r.replies, r.last_reply_at
    from public.threads t
    left join public.categories c on c.id = t.category_id
    left join public.thread_reply_counts r on r.thread_id = t.id;
