BEGIN;
--
-- Alter unique_together for floor (1 constraint(s))
--
ALTER TABLE "spaces_floor" DROP CONSTRAINT "spaces_floor_building_id_level_0c4379da_uniq";
--
-- Create model Room
--
DROP TABLE "spaces_room" CASCADE;
--
-- Create model Floor
--
DROP TABLE "spaces_floor" CASCADE;
--
-- Create model Building
--
DROP TABLE "spaces_building" CASCADE;
COMMIT;
