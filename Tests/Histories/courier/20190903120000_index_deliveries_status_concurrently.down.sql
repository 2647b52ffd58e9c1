-- migrate:no-transaction
-- == Running 20190903120000 Courier.Repo.Migrations.IndexDeliveriesStatusConcurrently.change/0 backward
-- drop index deliveries_status_index
DROP INDEX CONCURRENTLY "deliveries_status_index";
