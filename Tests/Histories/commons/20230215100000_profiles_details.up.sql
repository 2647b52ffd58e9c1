alter table public.profiles
  add column bio text default null,
  add column location varchar(80) default null,
  add column pronouns text default null::text;
