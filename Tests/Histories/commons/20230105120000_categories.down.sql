drop table public.categories;
