DROP SEQUENCE counter;
DROP TRIGGER orders_touch ON orders;
DROP FUNCTION touch();
DROP VIEW v_one;
DROP MATERIALIZED VIEW order_totals;
DROP VIEW open_orders;
DROP INDEX lines_qty_idx, accounts_tags_gin;
