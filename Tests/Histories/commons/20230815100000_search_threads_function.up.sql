create or replace function public.search_threads(q text)
returns setof public.threads
language sql stable
as $$
  select *
    from public.threads
   where fts @@ websearch_to_tsquery('english', q)
   order by ts_rank(fts, websearch_to_tsquery('english', q)) desc;
$$;

grant execute on function public.search_threads(text) to anon, authenticated;
