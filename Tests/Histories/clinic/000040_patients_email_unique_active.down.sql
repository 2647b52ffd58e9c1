DROP INDEX uq_patients_email_active;
ALTER TABLE patients ADD CONSTRAINT uq_patients_email UNIQUE (email);
