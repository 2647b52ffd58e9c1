-- Running upgrade (none: hand-written)
-- An archived patient's e-mail address may be used again by a new patient record.
ALTER TABLE patients DROP CONSTRAINT uq_patients_email;
CREATE UNIQUE INDEX uq_patients_email_active ON patients (email) WHERE archived_at IS NULL;
