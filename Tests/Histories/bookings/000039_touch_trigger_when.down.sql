comment on table bookings_booking is null;
drop trigger bookings_booking_touch on bookings_booking;
create trigger bookings_booking_touch
    before update on bookings_booking
    for each row execute function bookings_touch_updated_at();
