ALTER TABLE "refund" DROP CONSTRAINT "FK_8c9fe552bf39f43cbbf7cf79130";
CREATE TYPE "public"."order_status_enum_old" AS ENUM('pending', 'paid', 'refunded', 'cancelled');
ALTER TABLE "order" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "order" ALTER COLUMN "status" TYPE "public"."order_status_enum_old" USING "status"::"text"::"public"."order_status_enum_old";
ALTER TABLE "order" ALTER COLUMN "status" SET DEFAULT 'pending';
DROP TYPE "public"."order_status_enum";
ALTER TYPE "public"."order_status_enum_old" RENAME TO "order_status_enum";
DROP TABLE "refund";
