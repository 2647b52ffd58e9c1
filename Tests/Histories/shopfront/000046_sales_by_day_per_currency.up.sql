DROP MATERIALIZED VIEW sales_by_day;

CREATE MATERIALIZED VIEW sales_by_day AS
    SELECT date_trunc('day', placed_at)::date AS day,
           currency::text AS currency,
           count(*) AS orders,
           sum(total) AS revenue
    FROM orders
    WHERE status IN ('paid', 'shipped', 'refunded')
    GROUP BY 1, 2
WITH NO DATA;

CREATE UNIQUE INDEX ON sales_by_day (day, currency);
GRANT SELECT ON sales_by_day TO shopfront_readonly;
