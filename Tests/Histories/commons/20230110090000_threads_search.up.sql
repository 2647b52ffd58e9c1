alter table public.threads
  add column fts tsvector generated always as
    (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))) stored;

create index threads_fts on public.threads using gin (fts);
