REVOKE SELECT ON audit.events FROM shopfront_readonly;
REVOKE SELECT ON products, product_variants, sales_by_day FROM shopfront_readonly;
REVOKE USAGE ON SCHEMA audit FROM shopfront_readonly;
-- the role is shared by all databases of the cluster: it stays
