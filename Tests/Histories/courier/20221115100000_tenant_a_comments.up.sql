-- == Running 20221115100000 Courier.Repo.Migrations.TenantAComments.up/0 forward
-- execute
COMMENT ON SCHEMA tenant_a IS 'First white-label tenant (Ecto prefix "tenant_a")';
COMMENT ON TABLE tenant_a.depots IS 'Depots: Lager / entrepôts of the tenant';
COMMENT ON TABLE tenant_a.routes IS 'Planned routes, one per courier and day';
