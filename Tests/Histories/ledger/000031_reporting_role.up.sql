DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_reporting') THEN
        CREATE ROLE ledger_reporting NOLOGIN;
    END IF;
END
$$;
GRANT SELECT ON accounts, journal_entries, postings, periods, account_balances TO ledger_reporting;
