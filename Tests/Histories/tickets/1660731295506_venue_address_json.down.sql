ALTER TABLE "venue" DROP COLUMN "address";
ALTER TABLE "venue" ADD "address" text;
