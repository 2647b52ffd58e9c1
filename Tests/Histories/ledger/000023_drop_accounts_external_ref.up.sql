ALTER TABLE accounts DROP COLUMN external_ref;
