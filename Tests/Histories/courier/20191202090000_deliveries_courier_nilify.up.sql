-- == Running 20191202090000 Courier.Repo.Migrations.DeliveriesCourierNilify.change/0 forward
-- alter table deliveries (modify :courier_id, references(:couriers, on_delete: :nilify_all), from: references(:couriers, on_delete: :delete_all))
-- hand-edited: Ecto's `ALTER COLUMN "courier_id" TYPE bigint` taken out, PostgreSQL refuses it even for the
-- same type ("cannot alter type of a column used by a view or rule": courier_load)
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_courier_id_fkey", ADD CONSTRAINT "deliveries_courier_id_fkey" FOREIGN KEY ("courier_id") REFERENCES "couriers"("id") ON DELETE SET NULL;
-- alter table deliveries (modify :recipient_id, references(:recipients, on_delete: :restrict, on_update: :update_all), from: ...)
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_customer_id_fkey", ADD CONSTRAINT "deliveries_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "recipients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
