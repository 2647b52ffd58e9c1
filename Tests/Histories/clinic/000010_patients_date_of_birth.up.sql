BEGIN;

-- Running upgrade 47b1c9e3d5a2 -> d82f0a6c4b97

ALTER TABLE patients ADD COLUMN date_of_birth DATE;

ALTER TABLE patients ADD COLUMN sex VARCHAR(1);

-- op.execute(): copy the birth date the old intake form asked for ("Geburtsdatum" on the German form)
UPDATE patients SET date_of_birth = (f.answers->>'date_of_birth')::date FROM intake_forms f WHERE f.patient_id = patients.id AND f.answers ? 'date_of_birth' AND patients.date_of_birth IS NULL;

ALTER TABLE patients ADD CONSTRAINT ck_patients_sex CHECK (sex IN ('F', 'M', 'X'));

UPDATE alembic_version SET version_num='d82f0a6c4b97' WHERE alembic_version.version_num = '47b1c9e3d5a2';

COMMIT;

