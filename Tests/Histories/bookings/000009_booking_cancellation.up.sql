BEGIN;
--
-- Add field cancelled_at to booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "cancelled_at" timestamp with time zone NULL;
--
-- Add field cancellation_reason to booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "cancellation_reason" text DEFAULT '' NOT NULL;
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "bookings_booking" ALTER COLUMN "cancellation_reason" DROP DEFAULT;
COMMIT;
