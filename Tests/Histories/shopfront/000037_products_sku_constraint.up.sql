-- The unique index on sku becomes a real constraint; the index takes the foreign key with it.
DROP INDEX products_sku_idx CASCADE;
ALTER TABLE products ADD CONSTRAINT products_sku_key UNIQUE (sku);
ALTER TABLE order_items ADD FOREIGN KEY (sku) REFERENCES products (sku) ON UPDATE CASCADE;
