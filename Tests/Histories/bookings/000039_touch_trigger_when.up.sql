-- Only touch updated_at when something really changed: the sync job rewrites identical rows
-- (ça arrive souvent — every five minutes). Not `old.* is distinct from new.*`: PostgreSQL
-- refuses a whole-row NEW in a BEFORE trigger's WHEN once the table has a generated column
-- (duration, 000038).
drop trigger bookings_booking_touch on bookings_booking;
create trigger bookings_booking_touch
    before update on bookings_booking
    for each row
    when ((old.title, old.starts_at, old.ends_at, old.status, old.notes, old.workspace_id, old.room_id)
          is distinct from
          (new.title, new.starts_at, new.ends_at, new.status, new.notes, new.workspace_id, new.room_id))
    execute function bookings_touch_updated_at();

comment on table bookings_booking is 'Réservations (rooms and workspaces). Managed by Django except updated_at and source — see 000014, 000023.';
