-- index for "my upcoming bookings" (the app's home screen); partial, so that it stays small.
-- Hand-written: Django's Index(condition=…) would have done it too, but this was a hotfix.
create index bookings_booking_upcoming_idx
    on bookings_booking (organizer_id, starts_at desc)
    where status <> 'cancelled';
