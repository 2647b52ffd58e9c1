COMMENT ON TABLE periods IS E'Accounting periods.\nA closed period rejects new postings (see forbid_closed_period_posting).';
COMMENT ON COLUMN reconciliations.difference IS 'statement − book; 0 when reconciled';
COMMENT ON COLUMN exchange_rates.rate IS 'units of "quote" per 1 "base"';
