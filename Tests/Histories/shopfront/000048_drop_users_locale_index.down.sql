-- migrate:no-transaction
CREATE INDEX CONCURRENTLY users_lower_idx1 ON users (lower(locale));
