CREATE TYPE "public"."order_status_enum_old" AS ENUM('pending', 'paid', 'cancelled');
ALTER TABLE "order" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "order" ALTER COLUMN "status" TYPE "public"."order_status_enum_old" USING "status"::"text"::"public"."order_status_enum_old";
ALTER TABLE "order" ALTER COLUMN "status" SET DEFAULT 'pending';
DROP TYPE "public"."order_status_enum";
ALTER TYPE "public"."order_status_enum_old" RENAME TO "order_status_enum";
