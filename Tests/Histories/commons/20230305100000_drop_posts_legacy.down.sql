alter table public.reports drop constraint reports_post_id_fkey;
drop view public.thread_reply_counts;

create table public.posts_legacy (
  id bigint generated always as identity primary key,
  thread_id uuid not null references public.threads on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles on delete cascade,
  body text not null,
  created_at timestamp with time zone default timezone('utc'::text, now()) not null,
  edited_at timestamp with time zone
);

alter table public.reports alter column post_id type bigint using null;
alter table public.reports add foreign key (post_id) references public.posts_legacy on delete cascade;

create view public.thread_reply_counts as
  select t.id as thread_id, count(p.id) as replies, max(p.created_at) as last_reply_at
    from public.threads t
    left join public.posts_legacy p on p.thread_id = t.id
   group by t.id;
