-- From the old import script (node, Sequelize), which created its own table before the
-- migrations knew about it. Kept with its quoted camelCase names.
CREATE TABLE IF NOT EXISTS "ImportBatches" (
  "id" SERIAL PRIMARY KEY,
  "clinicId" INTEGER NOT NULL REFERENCES clinics (id),
  "fileName" VARCHAR(255) NOT NULL,
  "rowCount" INTEGER DEFAULT 0,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE patients ADD COLUMN "importBatchId" INTEGER REFERENCES "ImportBatches" ("id");
