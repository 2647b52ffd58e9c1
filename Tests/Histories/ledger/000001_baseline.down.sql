-- Drops everything the 2020 baseline dump created. The role ledger_owner stays (cluster-wide).
DROP VIEW IF EXISTS public.account_balances;
DROP TABLE IF EXISTS public.postings;
DROP TABLE IF EXISTS public.journal_entries;
DROP TABLE IF EXISTS public.accounts;
DROP TABLE IF EXISTS public.currencies;
DROP FUNCTION IF EXISTS public.set_updated_at();
DROP TYPE IF EXISTS public.account_kind;
