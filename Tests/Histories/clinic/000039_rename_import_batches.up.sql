-- hand-written: the import script is gone; bring its table into the naming convention.
ALTER TABLE "ImportBatches" RENAME TO import_batches;
ALTER TABLE import_batches RENAME "clinicId" TO clinic_id;
ALTER TABLE import_batches RENAME "fileName" TO file_name;
ALTER TABLE import_batches RENAME "rowCount" TO row_count;
ALTER TABLE import_batches RENAME "createdAt" TO created_at;
ALTER TABLE import_batches DROP COLUMN "updatedAt";
ALTER TABLE import_batches RENAME CONSTRAINT "ImportBatches_pkey" TO pk_import_batches;
ALTER TABLE import_batches RENAME CONSTRAINT "ImportBatches_clinicId_fkey" TO fk_import_batches_clinic_id_clinics;
ALTER SEQUENCE "ImportBatches_id_seq" RENAME TO import_batches_id_seq;
ALTER TABLE patients RENAME "importBatchId" TO import_batch_id;
ALTER TABLE patients RENAME CONSTRAINT "patients_importBatchId_fkey" TO fk_patients_import_batch_id_import_batches;
