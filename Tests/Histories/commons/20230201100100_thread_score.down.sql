drop trigger on_vote_changed on public.votes;
drop function public.update_thread_score();
alter table public.threads drop column score;
