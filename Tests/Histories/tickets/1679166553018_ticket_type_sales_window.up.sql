ALTER TABLE "ticket_type" RENAME COLUMN "quantity" TO "capacity";
ALTER TABLE "ticket_type" ADD "salesStart" TIMESTAMP WITH TIME ZONE;
ALTER TABLE "ticket_type" ADD "salesEnd" TIMESTAMP WITH TIME ZONE;
ALTER TABLE "ticket_type" ADD CONSTRAINT "CHK_9dd241a274d3391f0ffcc4c971c" CHECK ("salesEnd" IS NULL OR "salesStart" IS NULL OR "salesEnd" > "salesStart");
