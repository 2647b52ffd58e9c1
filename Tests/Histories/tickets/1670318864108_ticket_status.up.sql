CREATE TYPE "public"."ticket_status_enum" AS ENUM('valid', 'used', 'void');
ALTER TABLE "ticket" ADD "status" "public"."ticket_status_enum" NOT NULL DEFAULT 'valid';
-- added by hand: tickets scanned before this release count as used
UPDATE "ticket" SET "status" = 'used' WHERE "scannedAt" IS NOT NULL;
