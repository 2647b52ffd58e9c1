alter table public.posts
  add column fts tsvector generated always as (to_tsvector('english', body)) stored;

create index on public.posts using gin (fts);
