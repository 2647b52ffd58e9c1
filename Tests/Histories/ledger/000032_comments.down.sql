COMMENT ON COLUMN exchange_rates.rate IS NULL;
COMMENT ON COLUMN reconciliations.difference IS NULL;
COMMENT ON TABLE periods IS NULL;
