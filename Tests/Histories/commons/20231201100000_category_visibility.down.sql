drop policy "Visible categories are readable" on public.categories;
create policy "Categories are public" on public.categories for select using (true);
alter table public.categories drop column visibility;
drop type public.category_visibility;
