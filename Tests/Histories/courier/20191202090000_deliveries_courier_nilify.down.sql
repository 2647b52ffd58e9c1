-- == Running 20191202090000 Courier.Repo.Migrations.DeliveriesCourierNilify.change/0 backward
-- alter table deliveries
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_recipient_id_fkey", ADD CONSTRAINT "deliveries_customer_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "recipients"("id") ON DELETE CASCADE;
-- alter table deliveries
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_courier_id_fkey", ADD CONSTRAINT "deliveries_courier_id_fkey" FOREIGN KEY ("courier_id") REFERENCES "couriers"("id") ON DELETE CASCADE;
