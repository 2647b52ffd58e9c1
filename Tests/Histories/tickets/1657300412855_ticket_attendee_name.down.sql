ALTER TABLE "ticket" DROP COLUMN "attendeeEmail";
ALTER TABLE "ticket" RENAME COLUMN "attendeeName" "holderName";
