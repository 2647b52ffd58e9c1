-- back by popular demand (dropped two days ago), now validated
alter table public.profiles
  add column website text default null check (website is null or website ~* '^https?://');
