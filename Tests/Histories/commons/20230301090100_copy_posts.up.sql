begin;

insert into public.posts (thread_id, author_id, body, created_at, edited_at)
select thread_id, author_id, body, created_at, edited_at
  from public.posts_legacy
 order by id;

commit;
