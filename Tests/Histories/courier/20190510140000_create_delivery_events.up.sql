-- == Running 20190510140000 Courier.Repo.Migrations.CreateDeliveryEvents.change/0 forward
-- create table delivery_events (@primary_key {:id, :binary_id, autogenerate: true}, timestamps(type: :utc_datetime_usec, updated_at: false))
CREATE TABLE "delivery_events" ("id" uuid, "delivery_id" bigint NOT NULL CONSTRAINT "delivery_events_delivery_id_fkey" REFERENCES "deliveries"("id") ON DELETE CASCADE, "kind" varchar(255) NOT NULL, "payload" jsonb DEFAULT '{}' NOT NULL, "occurred_at" timestamp(6) NOT NULL, "inserted_at" timestamp(6) NOT NULL, PRIMARY KEY ("id"));
-- create index delivery_events_delivery_id_occurred_at_index
CREATE INDEX "delivery_events_delivery_id_occurred_at_index" ON "delivery_events" ("delivery_id", "occurred_at");
