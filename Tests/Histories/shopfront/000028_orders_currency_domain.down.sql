ALTER TABLE orders ALTER COLUMN currency TYPE char(3);
DROP DOMAIN currency_code;
