DROP FUNCTION customer_order_count(uuid);
DROP FUNCTION cents_to_amount(bigint);
