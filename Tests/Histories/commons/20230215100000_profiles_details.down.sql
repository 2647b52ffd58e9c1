alter table public.profiles
  drop column pronouns,
  drop column location,
  drop column bio;
