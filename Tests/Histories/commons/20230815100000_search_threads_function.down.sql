drop function public.search_threads(text);
