CREATE TABLE reconciliations (
    id                 serial PRIMARY KEY,
    account_id         integer NOT NULL REFERENCES accounts (id),
    period_id          bigint NOT NULL REFERENCES periods (id),
    statement_balance  numeric(20,4) NOT NULL,
    reconciled_at      timestamptz DEFAULT NULL,
    UNIQUE (account_id, period_id)
);

CREATE VIEW unreconciled_accounts AS
    SELECT r.account_id, r.period_id, r.statement_balance
      FROM reconciliations r
     WHERE r.reconciled_at IS NULL;
