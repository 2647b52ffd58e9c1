ALTER TABLE "venue" DROP COLUMN "timezone";
ALTER TABLE "user" DROP COLUMN "roles";
