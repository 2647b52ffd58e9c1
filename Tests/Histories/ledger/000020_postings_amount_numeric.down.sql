DROP VIEW account_balances;
ALTER TABLE postings DROP CONSTRAINT postings_amount_cents_check;
ALTER TABLE postings RENAME COLUMN amount TO amount_cents;
ALTER TABLE postings
    ALTER COLUMN amount_cents TYPE bigint USING (round(amount_cents * 100)::bigint);
ALTER TABLE postings ADD CONSTRAINT postings_amount_cents_check CHECK (amount_cents <> 0);
COMMENT ON COLUMN postings.amount_cents IS 'debit > 0, credit < 0';
CREATE VIEW public.account_balances AS
 SELECT a.id AS account_id,
    a.code,
    COALESCE(sum(p.amount_cents), (0)::numeric) AS balance_cents
   FROM (public.accounts a
     LEFT JOIN public.postings p ON ((p.account_id = a.id)))
  GROUP BY a.id, a.code;
ALTER TABLE public.account_balances OWNER TO ledger_owner;
