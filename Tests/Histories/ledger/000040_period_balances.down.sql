DROP MATERIALIZED VIEW period_balances;
