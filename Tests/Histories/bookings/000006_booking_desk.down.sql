BEGIN;
--
-- Create constraint booking_room_or_desk on model booking
--
ALTER TABLE "bookings_booking" DROP CONSTRAINT "booking_room_or_desk";
--
-- Alter field room on booking
--
ALTER TABLE "bookings_booking" ALTER COLUMN "room_id" SET NOT NULL;
--
-- Add field desk to booking
--
ALTER TABLE "bookings_booking" DROP COLUMN "desk_id" CASCADE;
COMMIT;
