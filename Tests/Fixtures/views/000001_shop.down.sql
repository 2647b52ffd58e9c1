DROP MATERIALIZED VIEW daily_sales;
DROP VIEW customer_totals;
DROP VIEW reachable_customers;
DROP TABLE orders;
DROP TABLE customers;
DROP TYPE order_state;
