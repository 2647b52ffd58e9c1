alter table public.categories alter column position drop default;
alter table public.categories alter column position type text using position::text;
