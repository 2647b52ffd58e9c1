-- == Running 20190320093000 Courier.Repo.Migrations.CreateDeliveries.change/0 backward
-- drop index deliveries_customer_id_index
DROP INDEX "deliveries_customer_id_index";
-- drop index deliveries_courier_id_index
DROP INDEX "deliveries_courier_id_index";
-- drop table deliveries
DROP TABLE "deliveries";
