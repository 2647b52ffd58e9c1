-- == Running 20220118090000 Courier.Repo.Migrations.RecipientsAddresses.change/0 forward
-- create table recipient_addresses
CREATE TABLE "recipient_addresses" ("id" bigserial, "recipient_id" bigint NOT NULL CONSTRAINT "recipient_addresses_recipient_id_fkey" REFERENCES "recipients"("id") ON DELETE CASCADE, "label" varchar(255) DEFAULT 'home' NOT NULL, "address" jsonb NOT NULL, "is_default" boolean DEFAULT false NOT NULL, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
CREATE INDEX "recipient_addresses_recipient_id_index" ON "recipient_addresses" ("recipient_id");
CREATE UNIQUE INDEX "recipient_addresses_one_default_index" ON "recipient_addresses" ("recipient_id") WHERE is_default;
-- execute: move default_address over
Insert Into recipient_addresses (recipient_id, label, address, is_default, inserted_at, updated_at)
Select id, 'home', jsonb_build_object('line1', default_address), true, now(), now() From recipients Where default_address Is Not Null;
-- alter table recipients (remove :default_address)
ALTER TABLE "recipients" DROP COLUMN "default_address";
