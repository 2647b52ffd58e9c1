BEGIN;
--
-- Create constraint booking_ends_after_start on model booking
--
ALTER TABLE "bookings_booking" DROP CONSTRAINT "booking_ends_after_start";
--
-- Create index bookings_bo_room_id_4c2d9a_idx on field(s) room, starts_at of model booking
--
DROP INDEX IF EXISTS "bookings_bo_room_id_4c2d9a_idx";
--
-- Create model Booking
--
DROP TABLE "bookings_booking" CASCADE;
COMMIT;
