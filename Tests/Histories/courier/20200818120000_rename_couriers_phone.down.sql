-- == Running 20200818120000 Courier.Repo.Migrations.RenameCouriersPhone.change/0 backward
-- rename index couriers_phone_number_index to couriers_phone_index
ALTER INDEX "couriers_phone_number_index" RENAME TO "couriers_phone_index";
-- rename table couriers column phone_number to phone
ALTER TABLE "couriers" RENAME "phone_number" TO "phone";
