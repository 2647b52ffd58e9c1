drop index if exists bookings_booking_upcoming_idx;
