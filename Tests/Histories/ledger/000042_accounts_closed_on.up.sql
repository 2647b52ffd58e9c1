ALTER TABLE accounts ADD COLUMN closed_on date DEFAULT NULL;
CREATE VIEW active_accounts AS
    SELECT id, code, name, kind, currency FROM accounts WHERE closed_on IS NULL;
