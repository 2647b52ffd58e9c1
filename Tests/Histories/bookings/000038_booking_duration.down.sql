BEGIN;
--
-- Add field duration to booking
--
ALTER TABLE "bookings_booking" DROP COLUMN "duration" CASCADE;
COMMIT;
