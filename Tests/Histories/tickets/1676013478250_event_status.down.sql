ALTER TABLE "event" DROP COLUMN "status";
DROP TYPE "public"."event_status_enum";
