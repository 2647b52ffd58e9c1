DROP TRIGGER IF EXISTS bookings_booking_touch ON bookings_booking;
DROP FUNCTION IF EXISTS bookings_touch_updated_at();
ALTER TABLE bookings_booking DROP COLUMN IF EXISTS updated_at;
