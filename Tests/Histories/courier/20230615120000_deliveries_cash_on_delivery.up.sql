-- == Running 20230615120000 Courier.Repo.Migrations.DeliveriesCashOnDelivery.change/0 forward
-- alter table deliveries
ALTER TABLE "deliveries" ADD COLUMN "cod_amount" decimal(10,2), ADD COLUMN "cod_currency" char(3) DEFAULT 'EUR';
-- create constraint cod_currency_iso
ALTER TABLE "deliveries" ADD CONSTRAINT "cod_currency_iso" CHECK (cod_currency ~ '^[A-Z]{3}$');
COMMENT ON COLUMN "deliveries"."cod_amount" IS 'Cash on delivery (Nachnahme), NULL = prepaid';
