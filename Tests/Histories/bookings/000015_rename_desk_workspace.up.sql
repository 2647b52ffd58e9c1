BEGIN;
--
-- Rename model Desk to Workspace
--
ALTER TABLE "spaces_desk" RENAME TO "spaces_workspace";
SET CONSTRAINTS "bookings_booking_desk_id_03b27f37_fk_spaces_desk_id" IMMEDIATE; ALTER TABLE "bookings_booking" DROP CONSTRAINT "bookings_booking_desk_id_03b27f37_fk_spaces_desk_id";
ALTER TABLE "bookings_booking" ADD CONSTRAINT "bookings_booking_desk_id_03b27f37_fk_spaces_workspace_id" FOREIGN KEY ("desk_id") REFERENCES "spaces_workspace" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Rename field desk on booking to workspace
--
ALTER TABLE "bookings_booking" RENAME COLUMN "desk_id" TO "workspace_id";
COMMIT;
