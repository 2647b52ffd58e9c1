ALTER TABLE "public"."tickets" ADD COLUMN "custom_fields" jsonb NOT NULL DEFAULT '{}';
CREATE INDEX ON "public"."tickets" USING gin ("custom_fields" jsonb_path_ops);
