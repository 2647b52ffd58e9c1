ALTER TYPE "public"."event_status_enum" RENAME TO "event_status_enum_old";
CREATE TYPE "public"."event_status_enum" AS ENUM('draft', 'published', 'postponed', 'cancelled');
ALTER TABLE "event" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "event" ALTER COLUMN "status" TYPE "public"."event_status_enum" USING "status"::"text"::"public"."event_status_enum";
ALTER TABLE "event" ALTER COLUMN "status" SET DEFAULT 'draft';
DROP TYPE "public"."event_status_enum_old";
