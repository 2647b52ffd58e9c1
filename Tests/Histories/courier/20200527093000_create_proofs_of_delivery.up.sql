-- == Running 20200527093000 Courier.Repo.Migrations.CreateProofsOfDelivery.change/0 forward
-- create table proofs_of_delivery (@primary_key {:id, :binary_id, autogenerate: false}, default: fragment("gen_random_uuid()"))
CREATE TABLE "proofs_of_delivery" ("id" uuid DEFAULT gen_random_uuid(), "delivery_id" bigint NOT NULL CONSTRAINT "proofs_of_delivery_delivery_id_fkey" REFERENCES "deliveries"("id") ON DELETE CASCADE, "photo_url" varchar(255), "signature_svg" text, "signed_by" varchar(255), "captured_at" timestamp(6) NOT NULL, "inserted_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL, PRIMARY KEY ("id"));
COMMENT ON TABLE "proofs_of_delivery" IS 'Photo or signature taken at the door (Unterschrift / assinatura)';
-- create index proofs_of_delivery_delivery_id_index
CREATE UNIQUE INDEX "proofs_of_delivery_delivery_id_index" ON "proofs_of_delivery" ("delivery_id");
