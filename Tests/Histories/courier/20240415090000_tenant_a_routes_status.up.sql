-- == Running 20240415090000 Courier.Repo.Migrations.TenantARoutesStatus.up/0 forward
-- execute: routes get a state of their own, in the tenant's schema
CREATE TYPE tenant_a.route_state AS ENUM ('draft', 'published', 'in_progress', 'done');
ALTER TABLE "tenant_a"."routes" ADD COLUMN "state" tenant_a.route_state DEFAULT 'draft' NOT NULL;
CREATE INDEX "routes_state_index" ON "tenant_a"."routes" ("state") WHERE state <> 'done';
