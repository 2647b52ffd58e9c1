BEGIN;
--
-- Rename field desk on booking to workspace
--
ALTER TABLE "bookings_booking" RENAME COLUMN "workspace_id" TO "desk_id";
--
-- Rename model Desk to Workspace
--
ALTER TABLE "spaces_workspace" RENAME TO "spaces_desk";
SET CONSTRAINTS "bookings_booking_desk_id_03b27f37_fk_spaces_workspace_id" IMMEDIATE; ALTER TABLE "bookings_booking" DROP CONSTRAINT "bookings_booking_desk_id_03b27f37_fk_spaces_workspace_id";
ALTER TABLE "bookings_booking" ADD CONSTRAINT "bookings_booking_desk_id_03b27f37_fk_spaces_desk_id" FOREIGN KEY ("desk_id") REFERENCES "spaces_desk" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
