-- == Running 20190320093000 Courier.Repo.Migrations.CreateDeliveries.change/0 forward
-- create table deliveries
CREATE TABLE "deliveries" ("id" bigserial, "courier_id" bigint CONSTRAINT "deliveries_courier_id_fkey" REFERENCES "couriers"("id") ON DELETE CASCADE, "customer_id" bigint NOT NULL CONSTRAINT "deliveries_customer_id_fkey" REFERENCES "customers"("id") ON DELETE CASCADE, "status" varchar(255) DEFAULT 'pending' NOT NULL, "pickup_address" text NOT NULL, "dropoff_address" text NOT NULL, "weight_grams" integer, "notes" text, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
-- create index deliveries_courier_id_index
CREATE INDEX "deliveries_courier_id_index" ON "deliveries" ("courier_id");
-- create index deliveries_customer_id_index
CREATE INDEX "deliveries_customer_id_index" ON "deliveries" ("customer_id");
