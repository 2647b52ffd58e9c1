-- Metabase wants room occupancy per day (asked by facilities — merci Léa).
-- Hand-written, not managed by Django: there is no model for it.
create view booking_occupancy as
select r.id as room_id,
       r.name as room_name,
       b.starts_at::date as day,
       count(*) as bookings,
       sum(extract(epoch from (b.ends_at - b.starts_at)) / 3600.0) as booked_hours
  from bookings_booking b
  join spaces_room r on r.id = b.room_id
 where b.status <> 'cancelled'
 group by r.id, r.name, b.starts_at::date;
