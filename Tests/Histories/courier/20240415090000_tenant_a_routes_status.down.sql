-- == Running 20240415090000 Courier.Repo.Migrations.TenantARoutesStatus.down/0 backward
DROP INDEX "tenant_a"."routes_state_index";
ALTER TABLE "tenant_a"."routes" DROP COLUMN "state";
DROP TYPE tenant_a.route_state;
