-- == Running 20210115090000 Courier.Repo.Migrations.TenantADepotsLocation.change/0 forward
-- alter table tenant_a.depots
ALTER TABLE "tenant_a"."depots" ADD COLUMN "lat" float, ADD COLUMN "lon" float, ADD COLUMN "timezone" varchar(255) DEFAULT 'Europe/Berlin' NOT NULL;
-- create constraint tenant_a.lat_lon_range
ALTER TABLE "tenant_a"."depots" ADD CONSTRAINT "lat_lon_range" CHECK (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180);
COMMENT ON COLUMN "tenant_a"."depots"."timezone" IS 'IANA name, e.g. Europe/Berlin – used for opens_at / closes_at';
