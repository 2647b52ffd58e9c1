DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'payment_provider') THEN
        CREATE TYPE payment_provider AS ENUM ('stripe', 'paypal', 'invoice');
    END IF;
END
$$;

CREATE TABLE payments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id bigint NOT NULL REFERENCES orders (id),
    provider payment_provider NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    provider_ref text DEFAULT NULL,
    raw jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON payments (order_id);
CREATE UNIQUE INDEX ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;
