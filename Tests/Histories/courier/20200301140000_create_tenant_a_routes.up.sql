-- == Running 20200301140000 Courier.Repo.Migrations.CreateTenantARoutes.change/0 forward
-- create table tenant_a.routes (@prefix "tenant_a")
CREATE TABLE "tenant_a"."routes" ("id" uuid DEFAULT gen_random_uuid(), "depot_id" bigint NOT NULL CONSTRAINT "routes_depot_id_fkey" REFERENCES "tenant_a"."depots"("id") ON DELETE CASCADE, "courier_id" bigint CONSTRAINT "routes_courier_id_fkey" REFERENCES "public"."couriers"("id") ON DELETE SET NULL, "planned_for" date NOT NULL, "stops" jsonb DEFAULT '[]' NOT NULL, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
-- create index tenant_a.routes_depot_id_planned_for_index
CREATE INDEX "routes_depot_id_planned_for_index" ON "tenant_a"."routes" ("depot_id", "planned_for");
-- create index tenant_a.routes_courier_id_index
CREATE INDEX "routes_courier_id_index" ON "tenant_a"."routes" ("courier_id");
