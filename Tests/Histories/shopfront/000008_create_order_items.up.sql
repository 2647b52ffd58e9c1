CREATE TABLE order_items (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no int NOT NULL,
    sku text NOT NULL REFERENCES products (sku),
    qty int NOT NULL CHECK (qty > 0),
    unit_cents int NOT NULL,
    line_total_cents bigint GENERATED ALWAYS AS (qty::bigint * unit_cents) STORED,
    UNIQUE (order_id, line_no),
    PRIMARY KEY (order_id, line_no)
);
