CREATE TYPE "public"."event_status_enum_old" AS ENUM('draft', 'published', 'cancelled');
ALTER TABLE "event" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "event" ALTER COLUMN "status" TYPE "public"."event_status_enum_old" USING "status"::"text"::"public"."event_status_enum_old";
ALTER TABLE "event" ALTER COLUMN "status" SET DEFAULT 'draft';
DROP TYPE "public"."event_status_enum";
ALTER TYPE "public"."event_status_enum_old" RENAME TO "event_status_enum";
