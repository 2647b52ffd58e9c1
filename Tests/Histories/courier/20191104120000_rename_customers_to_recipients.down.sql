-- == Running 20191104120000 Courier.Repo.Migrations.RenameCustomersToRecipients.change/0 backward
-- rename index deliveries_recipient_id_index to deliveries_customer_id_index
ALTER INDEX "deliveries_recipient_id_index" RENAME TO "deliveries_customer_id_index";
-- rename index recipients_email_index to customers_email_index
ALTER INDEX "recipients_email_index" RENAME TO "customers_email_index";
-- rename table deliveries column recipient_id to customer_id
ALTER TABLE "deliveries" RENAME "recipient_id" TO "customer_id";
-- rename table recipients to table customers
ALTER TABLE "recipients" RENAME TO "customers";
