-- == Running 20200301140000 Courier.Repo.Migrations.CreateTenantARoutes.change/0 backward
-- drop index tenant_a.routes_courier_id_index
DROP INDEX "tenant_a"."routes_courier_id_index";
-- drop index tenant_a.routes_depot_id_planned_for_index
DROP INDEX "tenant_a"."routes_depot_id_planned_for_index";
-- drop table tenant_a.routes
DROP TABLE "tenant_a"."routes";
