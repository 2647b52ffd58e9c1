-- == Running 20210115090000 Courier.Repo.Migrations.TenantADepotsLocation.change/0 backward
-- drop constraint tenant_a.lat_lon_range
ALTER TABLE "tenant_a"."depots" DROP CONSTRAINT "lat_lon_range";
-- alter table tenant_a.depots
ALTER TABLE "tenant_a"."depots" DROP COLUMN "timezone", DROP COLUMN "lon", DROP COLUMN "lat";
