BEGIN;
--
-- Alter field id on amenity
--
SET CONSTRAINTS "spaces_room_amenities_amenity_id_86e19ed6_fk_spaces_amenity_id" IMMEDIATE; ALTER TABLE "spaces_room_amenities" DROP CONSTRAINT "spaces_room_amenities_amenity_id_86e19ed6_fk_spaces_amenity_id";
ALTER TABLE "spaces_amenity" ALTER COLUMN "id" TYPE integer USING "id"::integer;
ALTER SEQUENCE IF EXISTS "spaces_amenity_id_seq" AS integer;
ALTER TABLE "spaces_room_amenities" ALTER COLUMN "amenity_id" TYPE integer USING "amenity_id"::integer;
ALTER TABLE "spaces_room_amenities" ADD CONSTRAINT "spaces_room_amenities_amenity_id_86e19ed6_fk_spaces_amenity_id" FOREIGN KEY ("amenity_id") REFERENCES "spaces_amenity" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
