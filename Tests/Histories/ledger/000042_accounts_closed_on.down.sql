DROP VIEW active_accounts;
ALTER TABLE accounts DROP COLUMN closed_on;
