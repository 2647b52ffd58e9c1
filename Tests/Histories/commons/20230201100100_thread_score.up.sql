alter table public.threads add column score integer not null default 0;

create or replace function public.update_thread_score()
returns trigger
language plpgsql
security definer set search_path = public
as $$
begin
  update threads
     set score = (select coalesce(sum(value), 0) from votes
                   where thread_id = coalesce(new.thread_id, old.thread_id))
   where id = coalesce(new.thread_id, old.thread_id);
  return null;
end;
$$;

create trigger on_vote_changed
  after insert or update or delete on public.votes
  for each row execute function public.update_thread_score();
