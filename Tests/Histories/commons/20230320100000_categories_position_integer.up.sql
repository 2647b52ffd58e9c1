alter table public.categories
  alter column position type integer using nullif(trim(position), '')::integer;
alter table public.categories alter column position set default 0;
