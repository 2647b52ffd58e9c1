-- saas_credits: a client's credit balance for each billing period, and saas_credit_transactions,
-- the ledger of every grant, purchase and use of credits (one AI reply uses credits).

CREATE TYPE saas_credit_transaction_type AS ENUM ('grant', 'purchase', 'usage', 'refund', 'adjustment', 'expiry');

CREATE TABLE saas_credits (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id          uuid NOT NULL REFERENCES saas_clients (id) ON DELETE CASCADE,
    period_start       date NOT NULL,
    period_end         date NOT NULL,
    credits_granted    numeric(14, 4) NOT NULL DEFAULT 0,
    credits_purchased  numeric(14, 4) NOT NULL DEFAULT 0,
    credits_used       numeric(14, 4) NOT NULL DEFAULT 0,
    messages_count     integer NOT NULL DEFAULT 0,
    ai_tokens_used     bigint NOT NULL DEFAULT 0,
    closed_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT saas_credits_client_period_key UNIQUE (client_id, period_start),
    CONSTRAINT saas_credits_period_order CHECK (period_end > period_start),
    CONSTRAINT saas_credits_amounts_non_negative CHECK (
        credits_granted >= 0 AND credits_purchased >= 0 AND credits_used >= 0
    ),
    CONSTRAINT saas_credits_within_balance CHECK (credits_used <= credits_granted + credits_purchased),
    CONSTRAINT saas_credits_counters_non_negative CHECK (messages_count >= 0 AND ai_tokens_used >= 0)
);

CREATE TRIGGER saas_credits_set_updated_at
    BEFORE UPDATE ON saas_credits
    FOR EACH ROW EXECUTE FUNCTION saas_set_updated_at();

CREATE TABLE saas_credit_transactions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_id        uuid NOT NULL REFERENCES saas_credits (id) ON DELETE CASCADE,
    client_id        uuid NOT NULL REFERENCES saas_clients (id) ON DELETE CASCADE,
    message_id       uuid REFERENCES saas_messages (id) ON DELETE SET NULL,
    transaction_type saas_credit_transaction_type NOT NULL,
    amount           numeric(14, 4) NOT NULL,
    balance_after    numeric(14, 4) NOT NULL,
    description      text,
    metadata         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT saas_credit_transactions_amount_not_zero CHECK (amount <> 0),
    CONSTRAINT saas_credit_transactions_sign CHECK (
        (transaction_type IN ('usage', 'expiry') AND amount < 0)
        OR (transaction_type IN ('grant', 'purchase', 'refund') AND amount > 0)
        OR transaction_type = 'adjustment'
    ),
    CONSTRAINT saas_credit_transactions_balance_non_negative CHECK (balance_after >= 0)
);

-- Foreign keys are indexed, so deleting a client, a period or a message does not scan the ledger.
CREATE INDEX saas_credit_transactions_credit_idx ON saas_credit_transactions (credit_id, created_at);
CREATE INDEX saas_credit_transactions_client_idx ON saas_credit_transactions (client_id, created_at DESC);
CREATE INDEX saas_credit_transactions_message_idx ON saas_credit_transactions (message_id) WHERE message_id IS NOT NULL;

COMMENT ON TYPE saas_credit_transaction_type IS 'Why a client''s credit balance changed.';
COMMENT ON TABLE saas_credits IS 'Credit balance and usage of a client for one billing period.';
COMMENT ON COLUMN saas_credits.client_id IS 'Owning client.';
COMMENT ON COLUMN saas_credits.period_start IS 'First day of the billing period (in the client''s time zone).';
COMMENT ON COLUMN saas_credits.period_end IS 'Day after the last day of the billing period (exclusive end).';
COMMENT ON COLUMN saas_credits.credits_granted IS 'Credits included in the plan for this period.';
COMMENT ON COLUMN saas_credits.credits_purchased IS 'Credits bought as top-ups during this period.';
COMMENT ON COLUMN saas_credits.credits_used IS 'Credits used so far; never more than granted plus purchased.';
COMMENT ON COLUMN saas_credits.messages_count IS 'AI replies sent in this period.';
COMMENT ON COLUMN saas_credits.ai_tokens_used IS 'Model tokens used in this period.';
COMMENT ON COLUMN saas_credits.closed_at IS 'When the period was closed and invoiced; NULL for the current period.';
COMMENT ON TABLE saas_credit_transactions IS 'Ledger of every change to a client''s credits.';
COMMENT ON COLUMN saas_credit_transactions.credit_id IS 'Billing period the transaction counts in.';
COMMENT ON COLUMN saas_credit_transactions.client_id IS 'Owning client, repeated from the period for per-client queries.';
COMMENT ON COLUMN saas_credit_transactions.message_id IS 'The AI reply that used the credits, for usage transactions.';
COMMENT ON COLUMN saas_credit_transactions.transaction_type IS 'Why the balance changed.';
COMMENT ON COLUMN saas_credit_transactions.amount IS 'Change in credits: negative for usage and expiry, positive for grants, purchases and refunds.';
COMMENT ON COLUMN saas_credit_transactions.balance_after IS 'Credits left in the period after this transaction.';
COMMENT ON COLUMN saas_credit_transactions.description IS 'Human-readable reason, shown on the invoice.';
COMMENT ON COLUMN saas_credit_transactions.metadata IS 'Payment reference, invoice number or other details as a JSON object.';
