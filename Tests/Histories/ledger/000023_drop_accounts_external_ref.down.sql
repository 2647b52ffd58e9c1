ALTER TABLE accounts ADD COLUMN external_ref varchar(64) NULL DEFAULT NULL;
