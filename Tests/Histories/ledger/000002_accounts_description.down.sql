ALTER TABLE accounts DROP COLUMN external_ref, DROP COLUMN description;
