DROP MATERIALIZED VIEW sales_by_day;

CREATE MATERIALIZED VIEW sales_by_day AS
    SELECT date_trunc('day', placed_at)::date AS day,
           count(*) AS orders,
           sum(total) AS revenue
    FROM orders
    WHERE status IN ('paid', 'shipped')
    GROUP BY 1
WITH DATA;

CREATE UNIQUE INDEX ON sales_by_day (day);
GRANT SELECT ON sales_by_day TO shopfront_readonly;
