ALTER TABLE customers ALTER COLUMN email TYPE citext;
DROP DOMAIN email_address;
