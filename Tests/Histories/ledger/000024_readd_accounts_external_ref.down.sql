DROP INDEX accounts_external_ref_idx;
ALTER TABLE accounts DROP COLUMN external_ref;
