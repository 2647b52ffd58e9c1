CREATE MATERIALIZED VIEW period_balances AS
    SELECT p.period_id, p.account_id, sum(p.amount) AS balance, count(*) AS postings
      FROM postings p
     WHERE p.period_id IS NOT NULL
     GROUP BY p.period_id, p.account_id
WITH NO DATA;
CREATE UNIQUE INDEX ON period_balances (period_id, account_id);
GRANT SELECT ON period_balances TO ledger_reporting;
