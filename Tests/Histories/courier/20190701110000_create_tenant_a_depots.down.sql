-- == Running 20190701110000 Courier.Repo.Migrations.CreateTenantADepots.change/0 backward
-- drop index tenant_a.depots_code_index
DROP INDEX "tenant_a"."depots_code_index";
-- drop table tenant_a.depots
DROP TABLE "tenant_a"."depots";
-- execute "DROP SCHEMA IF EXISTS tenant_a"
DROP SCHEMA IF EXISTS tenant_a CASCADE CASCADE;
