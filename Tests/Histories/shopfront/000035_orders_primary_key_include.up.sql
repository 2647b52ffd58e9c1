-- Replace the primary key; this also drops the foreign keys of order_items and payments.
ALTER TABLE orders DROP CONSTRAINT orders_pkey CASCADE;
ALTER TABLE orders ADD CONSTRAINT orders_id_pk PRIMARY KEY (id) INCLUDE (user_id);
ALTER TABLE order_items ADD FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE;
-- payments.order_id is checked by the payment service (see ADR-12)
