ALTER TABLE users
    ADD COLUMN phone varchar(40) NULL DEFAULT NULL,
    ADD COLUMN marketing_opt_in boolean DEFAULT NULL;
