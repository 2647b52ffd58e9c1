CREATE DOMAIN email_address AS citext
    CHECK (VALUE ~ '^[^@\s]+@[^@\s]+$');

ALTER TABLE customers ALTER COLUMN email TYPE email_address;
