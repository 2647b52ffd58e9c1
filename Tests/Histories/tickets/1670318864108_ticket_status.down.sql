ALTER TABLE "ticket" DROP COLUMN "status";
DROP TYPE "public"."ticket_status_enum";
