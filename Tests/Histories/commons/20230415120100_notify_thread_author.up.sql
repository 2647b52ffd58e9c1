create or replace function public.notify_thread_author()
returns trigger
language plpgsql
security definer set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, payload)
  select t.author_id, 'reply', jsonb_build_object('thread_id', t.id, 'post_id', new.id)
    from public.threads t
   where t.id = new.thread_id and t.author_id <> new.author_id;
  return new;
end;
$$;

create trigger on_post_created
  after insert on public.posts
  for each row execute function public.notify_thread_author();
