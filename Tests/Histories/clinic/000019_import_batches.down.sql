ALTER TABLE patients DROP COLUMN "importBatchId";
DROP TABLE IF EXISTS "ImportBatches";
