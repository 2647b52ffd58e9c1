BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field amenities to room
--
DROP TABLE "spaces_room_amenities" CASCADE;
--
-- Create model Amenity
--
DROP TABLE "spaces_amenity" CASCADE;
COMMIT;
