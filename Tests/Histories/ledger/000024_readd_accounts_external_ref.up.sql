-- The ERP sync needs it after all (dropped in 000023), now as text and unique when set.
ALTER TABLE accounts ADD COLUMN external_ref text DEFAULT NULL;
CREATE UNIQUE INDEX ON accounts (external_ref) WHERE external_ref IS NOT NULL;
