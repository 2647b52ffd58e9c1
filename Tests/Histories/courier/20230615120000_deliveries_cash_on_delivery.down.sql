-- == Running 20230615120000 Courier.Repo.Migrations.DeliveriesCashOnDelivery.change/0 backward
ALTER TABLE "deliveries" DROP CONSTRAINT "cod_currency_iso";
ALTER TABLE "deliveries" DROP COLUMN "cod_currency", DROP COLUMN "cod_amount";
