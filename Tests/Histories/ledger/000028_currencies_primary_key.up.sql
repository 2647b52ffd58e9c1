-- Rename the primary key to the new convention. CASCADE drops the four foreign keys
-- that reference it (accounts, postings, exchange_rates x2); only two come back:
-- exchange_rates keeps free-form codes from the rate feed now.
ALTER TABLE currencies DROP CONSTRAINT currencies_pkey CASCADE;
ALTER TABLE currencies ADD CONSTRAINT currencies_code_pk PRIMARY KEY (code);
ALTER TABLE accounts ADD CONSTRAINT accounts_currency_fkey FOREIGN KEY (currency) REFERENCES currencies (code);
ALTER TABLE postings ADD CONSTRAINT postings_currency_fkey FOREIGN KEY (currency) REFERENCES currencies (code);
