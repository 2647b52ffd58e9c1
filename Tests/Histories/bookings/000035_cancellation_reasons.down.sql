BEGIN;
--
-- Remove field cancellation_reason from booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "cancellation_reason" text DEFAULT '' NOT NULL;
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "bookings_booking" ALTER COLUMN "cancellation_reason" DROP DEFAULT;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field reason to booking
--
ALTER TABLE "bookings_booking" DROP COLUMN "reason_id" CASCADE;
--
-- Create model CancellationReason
--
DROP TABLE "bookings_cancellationreason" CASCADE;
COMMIT;
