drop table public.bookmarks;
