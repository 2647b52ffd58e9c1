-- == Running 20200818120000 Courier.Repo.Migrations.RenameCouriersPhone.change/0 forward
-- rename table couriers column phone to phone_number (courier_load keeps its column name "phone")
ALTER TABLE "couriers" RENAME "phone" TO "phone_number";
-- rename index couriers_phone_index to couriers_phone_number_index
ALTER INDEX "couriers_phone_index" RENAME TO "couriers_phone_number_index";
