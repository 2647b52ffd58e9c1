-- Léa again: how many different people book each room per day. CREATE OR REPLACE may only add
-- columns at the end, so the new one goes last.
create or replace view booking_occupancy as
select r.id as room_id,
       r.name as room_name,
       b.starts_at::date as day,
       count(*) as bookings,
       sum(extract(epoch from (b.ends_at - b.starts_at)) / 3600.0) as booked_hours,
       count(distinct b.organizer_id) as organizers
  from bookings_booking b
  join spaces_room r on r.id = b.room_id
 where b.status <> 'cancelled'
 group by r.id, r.name, b.starts_at::date;
