CREATE EXTENSION IF NOT EXISTS pg_trgm;

COMMENT ON COLUMN products.sku IS 'Stock keeping unit, as printed on the label';
COMMENT ON COLUMN products.attrs IS 'Free-form attributes; keys are shown in the shop''s "details" tab';
