alter table public.votes drop constraint votes_value_range;
alter table public.votes add constraint votes_value_check check (value in (-1, 1));
