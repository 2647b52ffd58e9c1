-- migrate:no-transaction
-- == Running 20190903120000 Courier.Repo.Migrations.IndexDeliveriesStatusConcurrently.change/0 forward (@disable_ddl_transaction true, @disable_migration_lock true)
-- create index deliveries_status_index
CREATE INDEX CONCURRENTLY "deliveries_status_index" ON "deliveries" ("status");
