create or replace function touch_updated_at() returns trigger as $$
begin
    new.updated_at = now();
    return new;
end
$$ language plpgsql;

create trigger tickets_touch before update on tickets
    for each row execute procedure touch_updated_at();
