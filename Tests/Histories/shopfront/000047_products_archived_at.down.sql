DROP VIEW active_products;
ALTER TABLE products DROP COLUMN archived_at;
ALTER TABLE products ADD COLUMN archived boolean NOT NULL DEFAULT false;
CREATE VIEW active_products AS
    SELECT id, sku, title, price_cents
    FROM products
    WHERE NOT archived;
