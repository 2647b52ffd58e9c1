ALTER TABLE "payment" DROP CONSTRAINT "FK_e266c06adf5095277acc95376dc";
DROP INDEX "public"."IDX_376a4d9937446019e23c5102fb5";
DROP TABLE "payment";
DROP TYPE "public"."payment_provider_enum";
