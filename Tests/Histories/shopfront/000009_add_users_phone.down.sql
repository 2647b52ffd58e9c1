ALTER TABLE users
    DROP COLUMN phone
    DROP COLUMN marketing_opt_in;
