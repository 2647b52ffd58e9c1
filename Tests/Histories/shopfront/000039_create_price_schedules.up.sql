CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE price_schedules (
    id bigserial PRIMARY KEY,
    variant_id int NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
    price_cents int NOT NULL CHECK (price_cents >= 0),
    valid tstzrange NOT NULL,
    EXCLUDE USING gist (variant_id WITH =, valid WITH &&)
);
