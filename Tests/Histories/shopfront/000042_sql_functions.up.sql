CREATE FUNCTION cents_to_amount(cents bigint) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN round(cents / 100.0, 2);

CREATE FUNCTION customer_order_count(uid uuid) RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM orders WHERE user_id = uid;
END;
