-- Queries of the shop fixture: over tables and views.

-- A customer's orders, newest first.
-- name: CustomerOrders :many
SELECT o.id, o.state, o.total, o.placed_at
FROM orders o
WHERE o.customer_id = @customer_id
ORDER BY o.placed_at DESC;

-- Customers who spent more than an amount, from the totals view.
-- name: BigSpenders :many
SELECT t.customer_id, t.name, t.spent
FROM customer_totals t
WHERE t.spent > @at_least
ORDER BY t.spent DESC;

-- Places an order.
-- name: PlaceOrder :one
INSERT INTO orders (customer_id, total) VALUES (@customer_id, @total)
RETURNING *;
