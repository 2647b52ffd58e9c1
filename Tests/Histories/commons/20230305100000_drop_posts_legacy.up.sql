-- cascade: the view thread_reply_counts followed the rename to posts_legacy, and so did
-- the foreign key reports_post_id_fkey. Both come back pointing at the new posts.
drop table public.posts_legacy cascade;

create view public.thread_reply_counts as
  select t.id as thread_id, count(p.id) as replies, max(p.created_at) as last_reply_at
    from public.threads t
    left join public.posts p on p.thread_id = t.id
   group by t.id;

alter table public.reports alter column post_id type uuid using null;
alter table public.reports add foreign key (post_id) references public.posts on delete cascade;
