ALTER TABLE currencies DROP CONSTRAINT currencies_code_pk CASCADE;
ALTER TABLE ONLY public.currencies
    ADD CONSTRAINT currencies_pkey PRIMARY KEY (code);
ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_currency_fkey FOREIGN KEY (currency) REFERENCES public.currencies(code);
ALTER TABLE ONLY public.postings
    ADD CONSTRAINT postings_currency_fkey FOREIGN KEY (currency) REFERENCES public.currencies(code);
ALTER TABLE exchange_rates ADD CONSTRAINT exchange_rates_base_fkey FOREIGN KEY (base) REFERENCES currencies (code);
ALTER TABLE exchange_rates ADD CONSTRAINT exchange_rates_quote_fkey FOREIGN KEY (quote) REFERENCES currencies (code);
