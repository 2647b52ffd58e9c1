BEGIN;
--
-- Create constraint booking_status_valid on model booking
--
ALTER TABLE "bookings_booking" DROP CONSTRAINT "booking_status_valid";
COMMIT;
