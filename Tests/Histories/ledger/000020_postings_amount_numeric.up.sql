-- Amounts become numeric(20,4); the view has to go while the column changes type.
DROP VIEW account_balances;

ALTER TABLE postings
    ALTER COLUMN amount_cents TYPE numeric(20,4) USING (amount_cents::numeric / 100);
ALTER TABLE postings RENAME COLUMN amount_cents TO amount;
COMMENT ON COLUMN postings.amount IS 'debit > 0, credit < 0, in the posting currency';

CREATE VIEW account_balances AS
    SELECT a.id AS account_id, a.code, COALESCE(sum(p.amount), 0) AS balance
      FROM accounts a
      LEFT JOIN postings p ON p.account_id = a.id
     GROUP BY a.id, a.code;
