ALTER TABLE "ticket_type" DROP CONSTRAINT "CHK_9dd241a274d3391f0ffcc4c971c";
ALTER TABLE "ticket_type" DROP COLUMN "salesEnd";
ALTER TABLE "ticket_type" DROP COLUMN "salesStart";
ALTER TABLE "ticket_type" RENAME COLUMN "capacity" TO "quantity";
