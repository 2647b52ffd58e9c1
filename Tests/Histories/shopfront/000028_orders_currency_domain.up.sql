CREATE DOMAIN currency_code AS char(3)
    CHECK (VALUE ~ '^[A-Z]{3}$');

ALTER TABLE orders ALTER COLUMN currency TYPE currency_code;
