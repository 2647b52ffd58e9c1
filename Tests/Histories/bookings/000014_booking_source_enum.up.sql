-- Not a Django migration (Sanne, 2022-09): the calendar-sync worker writes this column and
-- Django only reads it, as a CharField with choices in bookings/models.py; keep both in sync!
create type booking_source as enum ('web', 'mobile', 'kiosk', 'calendar_sync');

alter table bookings_booking
    add column source booking_source not null default 'web';
