ALTER TABLE order_items DROP CONSTRAINT order_items_sku_fkey;
ALTER TABLE products DROP CONSTRAINT products_sku_key;
CREATE UNIQUE INDEX ON products (sku);
ALTER TABLE order_items ADD FOREIGN KEY (sku) REFERENCES products (sku);
