-- == Running 20200527093000 Courier.Repo.Migrations.CreateProofsOfDelivery.change/0 backward
-- drop index proofs_of_delivery_delivery_id_index
DROP INDEX "proofs_of_delivery_delivery_id_index" ON "proofs_of_delivery";
-- drop table proofs_of_delivery
DROP TABLE "proofs_of_delivery";
