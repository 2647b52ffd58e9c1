-- archived (bool) becomes archived_at; the view goes with the column and comes back
ALTER TABLE products DROP COLUMN archived CASCADE;
ALTER TABLE products ADD COLUMN archived_at timestamptz DEFAULT NULL;

CREATE VIEW active_products AS
    SELECT id, sku, title, price_cents
    FROM products
    WHERE archived_at IS NULL;
