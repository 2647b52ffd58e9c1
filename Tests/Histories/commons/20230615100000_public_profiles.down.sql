drop policy "Public profiles are viewable by everyone." on public.profiles;

alter policy "Profiles: owner can view" on public.profiles
  rename to "Users can view own profile";
