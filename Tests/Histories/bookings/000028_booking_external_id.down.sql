BEGIN;
--
-- Add field external_id to booking
--
ALTER TABLE "bookings_booking" DROP COLUMN "external_id" CASCADE;
COMMIT;
