DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shopfront_readonly') THEN
        CREATE ROLE shopfront_readonly NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA audit TO shopfront_readonly;
GRANT SELECT ON products, product_variants, sales_by_day TO shopfront_readonly;
GRANT SELECT ON audit.events TO shopfront_readonly;
