COMMENT ON COLUMN "payment"."raw" IS NULL;
COMMENT ON TABLE "payment" IS NULL;
ALTER TABLE "payment" DROP COLUMN "metadata";
