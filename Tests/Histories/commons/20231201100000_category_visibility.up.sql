do $$
begin
  if not exists (select 1 from pg_catalog.pg_type
                  where typname = 'category_visibility'
                    and typnamespace = 'public'::regnamespace) then
    create type public.category_visibility as enum ('public', 'members', 'hidden');
  end if;
end
$$;

alter table public.categories
  add column visibility public.category_visibility not null default 'public';

drop policy "Categories are public" on public.categories;

create policy "Visible categories are readable" on public.categories
  for select using (
    visibility = 'public'
    or (visibility = 'members' and auth.role() = 'authenticated')
  );
