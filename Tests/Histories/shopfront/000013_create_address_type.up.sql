-- Shipping addresses are stored inline with the order.
CREATE TYPE address AS (
    line1 text,
    line2 text,
    city text,
    postal_code text,
    country char(2)
);

ALTER TABLE orders ADD COLUMN shipping_address address DEFAULT NULL;
