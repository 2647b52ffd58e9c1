CREATE TABLE products (	
    id serial PRIMARY KEY,  
    sku text NOT NULL,  
    title text NOT NULL,  
    description text DEFAULT NULL,  
    price_cents integer NOT NULL CHECK (price_cents >= 0),  
    attrs jsonb NOT NULL DEFAULT '{}',  
    tags text[] NOT NULL DEFAULT '{}',  
    created_at timestamptz NOT NULL DEFAULT now(),  
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX ON products (sku);
CREATE INDEX ON products USING gin (attrs);

CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
