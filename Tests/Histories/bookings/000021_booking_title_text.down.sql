BEGIN;
--
-- Add field notes to booking
--
ALTER TABLE "bookings_booking" DROP COLUMN "notes" CASCADE;
--
-- Alter field title on booking
--
ALTER TABLE "bookings_booking" ALTER COLUMN "title" TYPE varchar(200) USING "title"::varchar(200);
COMMIT;
