-- Keep the old rows around while finance checks the new numbers (copied in 000018).
ALTER TABLE reconciliations RENAME TO reconciliations_v1;

CREATE TABLE reconciliations (
    id                 bigserial PRIMARY KEY,
    account_id         integer NOT NULL REFERENCES accounts (id),
    period_id          bigint NOT NULL REFERENCES periods (id),
    statement_id       bigint DEFAULT NULL REFERENCES bank_statements (id),
    statement_balance  numeric(20,4) NOT NULL,
    book_balance       numeric(20,4) NOT NULL,
    difference         numeric(20,4) GENERATED ALWAYS AS (statement_balance - book_balance) STORED,
    reconciled_at      timestamptz DEFAULT NULL,
    UNIQUE (account_id, period_id)
);
