ALTER TABLE accounts
    ADD COLUMN description text DEFAULT NULL,
    ADD COLUMN external_ref varchar(64) NULL DEFAULT NULL;
