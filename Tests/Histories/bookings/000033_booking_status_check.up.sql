BEGIN;
--
-- Create constraint booking_status_valid on model booking
--
ALTER TABLE "bookings_booking" ADD CONSTRAINT "booking_status_valid" CHECK ("status" IN ('pending', 'confirmed', 'cancelled', 'no_show'));
COMMIT;
