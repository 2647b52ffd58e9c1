CREATE TYPE "public"."event_status_enum" AS ENUM('draft', 'published', 'cancelled');
ALTER TABLE "event" ADD "status" "public"."event_status_enum" NOT NULL DEFAULT 'draft';
COMMENT ON COLUMN "event"."status" IS 'Lifecycle: draft → published → (cancelled)';
