-- The ops backfill job records which data fixes have run next to golang-migrate's version.
-- golang-migrate itself only ever writes (version, dirty).
ALTER TABLE schema_migrations ADD COLUMN data_version int;
