-- name the check (PostgreSQL called it votes_value_check)
alter table public.votes drop constraint votes_value_check;
alter table public.votes add constraint votes_value_range check (value between -1 and 1);
