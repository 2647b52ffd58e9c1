DROP VIEW unreconciled_accounts;
DROP TABLE reconciliations;
