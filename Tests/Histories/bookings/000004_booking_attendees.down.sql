BEGIN;
--
-- Add field attendees to booking
--
DROP TABLE "bookings_booking_attendees" CASCADE;
COMMIT;
