CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind); -- danger: concurrently-in-transaction
COMMENT ON INDEX events_kind_idx IS 'events by kind';
