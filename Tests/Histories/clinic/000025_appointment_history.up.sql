-- hand-written (audit asked for it): every status change of an appointment, by trigger.
create table appointment_history (
    id bigserial primary key,
    appointment_id integer not null references appointments (id) on delete cascade,
    changed_at timestamptz not null default now(),
    old_status text,
    new_status text not null,
    changed_by text not null default current_user
);

create index on appointment_history (appointment_id, changed_at desc);

create or replace function log_appointment_status() returns trigger
language plpgsql as $$
begin
    if new.status is distinct from old.status then
        insert into appointment_history (appointment_id, old_status, new_status)
        values (new.id, old.status::text, new.status::text);
    end if;
    return new;
end
$$;

create trigger trg_appointments_status_history
    after update of status on appointments
    for each row execute function log_appointment_status();
