drop trigger on_post_created on public.posts;
drop function public.notify_thread_author();
