begin;
delete from public.posts;
commit;
