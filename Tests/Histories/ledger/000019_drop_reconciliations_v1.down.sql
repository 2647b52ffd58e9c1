CREATE TABLE reconciliations_v1 (
    id serial PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id)
    period_id bigint NOT NULL REFERENCES periods (id),
    statement_balance numeric(20,4) NOT NULL,
    reconciled_at timestamptz DEFAULT NULL
);
