-- migrate:no-transaction
-- hand-written: patients is big now; build the index without locking writes.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_patients_email_lower ON patients (lower(email));
