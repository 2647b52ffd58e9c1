ALTER TABLE schema_migrations DROP COLUMN data_version;
