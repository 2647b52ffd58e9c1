REVOKE SELECT ON accounts, journal_entries, postings, periods, account_balances FROM ledger_reporting;
