BEGIN;
--
-- Rename field organizer on booking to owner
--
ALTER TABLE "bookings_booking" RENAME COLUMN "owner_id" TO "organizer_id";
COMMIT;
