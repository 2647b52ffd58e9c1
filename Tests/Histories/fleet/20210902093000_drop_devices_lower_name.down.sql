-- migrate:no-transaction
CREATE INDEX CONCURRENTLY devices_lower_idx ON devices (lower(name));
