CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    status order_status NOT NULL DEFAULT 'pending',
    total_cents bigint NOT NULL DEFAULT 0,
    currency char(3) NOT NULL DEFAULT 'EUR',
    notes text DEFAULT NULL,
    placed_at timestamptz NOT NULL DEFAULT now(),
    shipped_at timestamptz
);
CREATE INDEX ON orders (user_id);
-- the warehouse screen only ever lists what has not shipped yet
CREATE INDEX ON orders (placed_at) WHERE shipped_at IS NULL;
