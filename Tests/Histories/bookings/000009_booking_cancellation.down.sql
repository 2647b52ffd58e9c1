BEGIN;
--
-- Add field cancellation_reason to booking
--
ALTER TABLE "bookings_booking" DROP COLUMN "cancellation_reason" CASCADE;
--
-- Add field cancelled_at to booking
--
ALTER TABLE "bookings_booking" DROP COLUM "cancelled_at" CASCADE;
COMMIT;
