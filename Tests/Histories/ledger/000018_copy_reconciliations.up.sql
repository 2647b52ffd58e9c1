BEGIN;

INSERT INTO reconciliations (account_id, period_id, statement_balance, book_balance, reconciled_at)
SELECT r.account_id, r.period_id, r.statement_balance,
       COALESCE((SELECT sum(p.amount_cents) / 100.0 FROM postings p
                  WHERE p.account_id = r.account_id AND p.period_id = r.period_id), 0),
       r.reconciled_at
  FROM reconciliations_v1 r;

COMMIT;
