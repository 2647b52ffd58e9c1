-- migration:generate wanted DROP COLUMN "createdAt" + ADD "createdAt" TIMESTAMP WITH TIME ZONE,
-- i.e. every order date lost. Edited by hand to convert in place (the stored values are UTC).
ALTER TABLE "order" ALTER COLUMN "createdAt" TYPE TIMESTAMP WITH TIME ZONE USING "createdAt" AT TIME ZONE 'UTC';
ALTER TABLE "order" ALTER COLUMN "updatedAt" TYPE TIMESTAMP WITH TIME ZONE USING "updatedAt" AT TIME ZONE 'UTC';
