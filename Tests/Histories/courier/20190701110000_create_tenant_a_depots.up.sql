-- == Running 20190701110000 Courier.Repo.Migrations.CreateTenantADepots.change/0 forward
-- execute "CREATE SCHEMA IF NOT EXISTS tenant_a"
CREATE SCHEMA IF NOT EXISTS tenant_a;
-- create table tenant_a.depots (@prefix "tenant_a")
CREATE TABLE "tenant_a"."depots" ("id" bigserial, "code" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "address" text, "opens_at" time(0), "closes_at" time(0), "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
-- create index tenant_a.depots_code_index
CREATE UNIQUE INDEX "depots_code_index" ON "tenant_a"."depots" ("code");
