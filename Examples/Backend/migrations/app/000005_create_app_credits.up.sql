-- app_credits: a client's balance (one credit per assistant message), and app_credit_uses, the
-- ledger of what each credit paid for. The balance can never go below zero.

CREATE TABLE app_credits (
    client_id  uuid PRIMARY KEY REFERENCES app_clients (id) ON DELETE CASCADE,
    balance    integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT app_credits_balance_non_negative CHECK (balance >= 0)
);

CREATE TABLE app_credit_uses (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id     uuid NOT NULL REFERENCES app_clients (id) ON DELETE CASCADE,
    message_id    uuid NOT NULL REFERENCES app_messages (id) ON DELETE CASCADE,
    balance_after integer NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT app_credit_uses_message_key UNIQUE (message_id)
);

CREATE INDEX app_credit_uses_client_idx ON app_credit_uses (client_id, created_at);
