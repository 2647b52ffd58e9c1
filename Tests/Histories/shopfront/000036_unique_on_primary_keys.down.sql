ALTER TABLE order_items DROP CONSTRAINT order_items_order_id_line_no_key;
ALTER TABLE users DROP CONSTRAINT users_id_key;
