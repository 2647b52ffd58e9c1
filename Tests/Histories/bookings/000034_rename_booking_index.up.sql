BEGIN;
--
-- Rename index bookings_bo_room_id_4c2d9a_idx on booking to booking_room_start_idx
--
ALTER INDEX "bookings_bo_room_id_4c2d9a_idx" RENAME TO "booking_room_start_idx";
--
-- Create index booking_workspace_start_idx on field(s) workspace, starts_at of model booking
--
CREATE INDEX "booking_workspace_start_idx" ON "bookings_booking" ("workspace_id", "starts_at");
COMMIT;
