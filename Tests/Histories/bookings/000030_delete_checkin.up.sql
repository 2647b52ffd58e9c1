BEGIN;
--
-- Add field checked_in_at to booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "checked_in_at" timestamp with time zone NULL;
--
-- Raw Python operation
--
UPDATE "bookings_booking" AS b SET "checked_in_at" = c."checked_in_at" FROM "bookings_checkin" AS c WHERE c."booking_id" = b."id";
--
-- Delete model CheckIn
--
DROP TABLE "bookings_checkin" CASCADE;
COMMIT;
