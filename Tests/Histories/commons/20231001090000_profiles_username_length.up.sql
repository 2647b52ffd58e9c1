alter table public.profiles
  alter column username type varchar(40) using left(username, 40);
