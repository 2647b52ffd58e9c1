BEGIN;
--
-- Add field recurrence to booking
--
ALTER TABLE "bookings_booking" DROP COLUMN "recurrence_id" CASCADE;
--
-- Create model Recurrence
--
DROP TABLE "bookings_recurrence" CASCADE;
COMMIT;
