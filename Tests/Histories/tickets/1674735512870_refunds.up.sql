CREATE TABLE "refund" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "amount" numeric(10,2) NOT NULL, "reason" character varying, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "paymentId" uuid NOT NULL, CONSTRAINT "PK_b51118f58785274e117efe1bf99" PRIMARY KEY ("id"));
ALTER TYPE "public"."order_status_enum" RENAME TO "order_status_enum_old";
CREATE TYPE "public"."order_status_enum" AS ENUM('pending', 'paid', 'partially_refunded', 'refunded', 'cancelled');
ALTER TABLE "order" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "order" ALTER COLUMN "status" TYPE "public"."order_status_enum" USING "status"::"text"::"public"."order_status_enum";
ALTER TABLE "order" ALTER COLUMN "status" SET DEFAULT 'pending';
DROP TYPE "public"."order_status_enum_old";
ALTER TABLE "refund" ADD CONSTRAINT "FK_8c9fe552bf39f43cbbf7cf79130" FOREIGN KEY ("paymentId") REFERENCES "payment"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
