-- migrate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS ix_patients_email_lower;
