-- an enum value cannot be dropped: rebuild the type without 'teams'
update bookings_booking set source = 'calendar_sync' where source = 'teams';
alter table bookings_booking alter column source drop default;
alter type booking_source rename to booking_source_old;
create type booking_source as enum ('web', 'mobile', 'kiosk', 'calendar_sync');
alter table bookings_booking alter column source type booking_source using source::text::booking_source;
alter table bookings_booking alter column source set default 'web';
drop type booking_source_old;
