BEGIN;
--
-- Alter unique_together for desk (1 constraint(s))
--
ALTER TABLE "spaces_desk" DROP CONSTRAINT "spaces_desk_floor_id_code_d74f6adc_uniq";
--
-- Create model Desk
--
DROP TABLE "spaces_desk" CASCADE;
COMMIT;
