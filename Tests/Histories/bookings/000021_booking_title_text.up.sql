BEGIN;
--
-- Alter field title on booking
--
ALTER TABLE "bookings_booking" ALTER COLUMN "title" TYPE text USING "title"::text;
--
-- Add field notes to booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "notes" text DEFAULT '' NOT NULL;
ALTER TABLE "bookings_booking" ALTER COLUMN "notes" DROP DEFAULT;
COMMIT;
