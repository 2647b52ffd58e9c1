ALTER TABLE "ticket" RENAME COLUMN "holderName" TO "attendeeName";
ALTER TABLE "ticket" ADD "attendeeEmail" character varying;
