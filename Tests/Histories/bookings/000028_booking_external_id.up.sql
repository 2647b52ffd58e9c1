BEGIN;
--
-- Add field external_id to booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "external_id" uuid NULL UNIQUE;
COMMIT;
