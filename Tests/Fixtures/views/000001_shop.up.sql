-- A small shop with views: a plain view over one table, a view over a join with an aggregate,
-- a view replaced by CREATE OR REPLACE VIEW, and a materialized view with a unique index.
CREATE TYPE order_state AS ENUM ('open', 'paid', 'shipped');

CREATE TABLE customers (
    id      uuid PRIMARY KEY,
    email   text NOT NULL UNIQUE,
    name    text NOT NULL,
    phone   text
);

CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES customers (id),
    state       order_state NOT NULL DEFAULT 'open',
    total       numeric(12, 2) NOT NULL,
    placed_at   timestamptz NOT NULL DEFAULT now()
);

CREATE VIEW reachable_customers AS
    SELECT id, email, name FROM customers WHERE phone IS NULL;

CREATE OR REPLACE VIEW reachable_customers AS
    SELECT id, email, name, phone FROM customers WHERE phone IS NOT NULL;

COMMENT ON VIEW reachable_customers IS 'Customers with a phone number.';
COMMENT ON COLUMN reachable_customers.phone IS 'Where to call them.';

CREATE VIEW customer_totals AS
    SELECT c.id AS customer_id, c.name, count(o.id) AS orders, sum(o.total) AS spent, max(o.placed_at) AS last_order
    FROM customers c
    LEFT JOIN orders o ON o.customer_id = c.id
    GROUP BY c.id, c.name;

CREATE MATERIALIZED VIEW daily_sales AS
    SELECT date_trunc('day', placed_at) AS day, state, count(*) AS orders, sum(total) AS revenue
    FROM orders
    GROUP BY 1, 2;

CREATE UNIQUE INDEX daily_sales_day_state ON daily_sales (day, state);
