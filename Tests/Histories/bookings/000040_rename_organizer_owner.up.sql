BEGIN;
--
-- Rename field organizer on booking to owner
--
ALTER TABLE "bookings_booking" RENAME COLUMN "organizer_id" TO "owner_id";
COMMIT;
