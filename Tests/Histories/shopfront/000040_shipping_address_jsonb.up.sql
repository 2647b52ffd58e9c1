-- The composite type was a mistake: nobody can query it from the BI tool.
DROP TYPE address CASCADE;
ALTER TABLE orders ADD COLUMN shipping_address jsonb DEFAULT NULL;
