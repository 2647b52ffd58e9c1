CREATE TYPE "public"."payment_provider_enum" AS ENUM('stripe', 'paypal', 'invoice');
CREATE TABLE "payment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "provider" "public"."payment_provider_enum" NOT NULL, "providerRef" character varying NOT NULL, "amount" numeric(10,2) NOT NULL, "currency" character(3) NOT NULL, "raw" jsonb, "paidAt" TIMESTAMP, "orderId" uuid, CONSTRAINT "REL_e266c06adf5095277acc95376dc" UNIQUE ("orderId"), CONSTRAINT "PK_e86256b2787ee7ff0c33d0d4c61" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "IDX_376a4d9937446019e23c5102fb5" ON "payment" ("provider", "providerRef") ;
ALTER TABLE "payment" ADD CONSTRAINT "FK_e266c06adf5095277acc95376dc" FOREIGN KEY ("orderId") REFERENCES "order"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
