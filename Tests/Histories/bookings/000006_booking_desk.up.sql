BEGIN;
--
-- Add field desk to booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "desk_id" bigint NULL CONSTRAINT "bookings_booking_desk_id_03b27f37_fk_spaces_desk_id" REFERENCES "spaces_desk"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "bookings_booking_desk_id_03b27f37_fk_spaces_desk_id" IMMEDIATE;
--
-- Alter field room on booking
--
ALTER TABLE "bookings_booking" ALTER COLUMN "room_id" DROP NOT NULL;
--
-- Create constraint booking_room_or_desk on model booking
--
ALTER TABLE "bookings_booking" ADD CONSTRAINT "booking_room_or_desk" CHECK ((("desk_id" IS NULL AND "room_id" IS NOT NULL) OR ("desk_id" IS NOT NULL AND "room_id" IS NULL)));
CREATE INDEX "bookings_booking_desk_id_03b27f37" ON "bookings_booking" ("desk_id");
COMMIT;
