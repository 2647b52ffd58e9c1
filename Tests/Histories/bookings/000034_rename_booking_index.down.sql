BEGIN;
--
-- Create index booking_workspace_start_idx on field(s) workspace, starts_at of model booking
--
DROP INDEX IF EXISTS "booking_workspace_start_idx";
--
-- Rename index bookings_bo_room_id_4c2d9a_idx on booking to booking_room_start_idx
--
ALTER INDEX "booking_room_start_idx" RENAME TO "bookings_bo_room_id_4c2d9a_idx";
COMMIT;
