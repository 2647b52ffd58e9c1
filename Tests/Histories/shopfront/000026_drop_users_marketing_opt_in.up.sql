-- GDPR: we never asked properly, drop it.
ALTER TABLE users DROP COLUMN marketing_opt_in;
