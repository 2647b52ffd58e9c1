-- == Running 20191104120000 Courier.Repo.Migrations.RenameCustomersToRecipients.change/0 forward
-- rename table customers to table recipients (courier_load follows)
ALTER TABLE "customers" RENAME TO "recipients";
-- rename table deliveries column customer_id to recipient_id
ALTER TABLE "deliveries" RENAME "customer_id" TO "recipient_id";
-- rename index customers_email_index to recipients_email_index
ALTER INDEX "customers_email_index" RENAME TO "recipients_email_index";
-- rename index deliveries_customer_id_index to deliveries_recipient_id_index
ALTER INDEX "deliveries_customer_id_index" RENAME TO "deliveries_recipient_id_index";
