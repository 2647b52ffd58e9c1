ALTER TABLE "public"."tickets" DROP COLUMN "custom_fields";
