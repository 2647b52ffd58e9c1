-- simple-array ("roles" as comma-separated text) → a real text[]; the entity now says
-- @Column('text', { array: true, default: '{customer}' }). Hand-written (Yūko).
ALTER TABLE "user" ALTER COLUMN "roles" DROP DEFAULT;
ALTER TABLE "user" ALTER COLUMN "roles" TYPE text array USING string_to_array("roles", ',');
ALTER TABLE "user" ALTER COLUMN "roles" SET DEFAULT '{customer}';
