ALTER TABLE "user" ALTER COLUMN "roles" DROP DEFAULT;
ALTER TABLE "user" ALTER COLUMN "roles" TYPE text USING array_to_string("roles", ',');
ALTER TABLE "user" ALTER COLUMN "roles" SET DEFAULT 'customer';
