create table sessions (
  id bigserial primary key,
  user_id uuid not null references users(id) on delete cascade,
  token text not null,
  user_agent text DEFAULT NULL::text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index on sessions (user_id);
create unique index on sessions (token);

-- handy for the admin dashboard
create view active_sessions as
  select user_id, count(*) as n
  from sessions
  where expires_at > now()
  group by user_id;
