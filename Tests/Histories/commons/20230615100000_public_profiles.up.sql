alter policy "Users can view own profile" on public.profiles
  rename to "Profiles: owner can view";

create policy "Public profiles are viewable by everyone." on public.profiles
  for select using (true);
