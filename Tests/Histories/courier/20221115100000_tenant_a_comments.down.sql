-- == Running 20221115100000 Courier.Repo.Migrations.TenantAComments.down/0 backward
COMMENT ON TABLE tenant_a.routes IS NULL;
COMMENT ON TABLE tenant_a.depots IS NULL;
COMMENT ON SCHEMA tenant_a IS NULL;
