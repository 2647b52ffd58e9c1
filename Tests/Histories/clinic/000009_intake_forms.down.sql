BEGIN;

-- Running downgrade 47b1c9e3d5a2 -> a0d4e6f2c813

DROP INDEX ix_intake_forms_answers

DROP INDEX ix_intake_forms_patient_id;

DROP TABLE intake_forms;

UPDATE alembic_version SET version_num='a0d4e6f2c813' WHERE alembic_version.version_num = '47b1c9e3d5a2';

COMMIT;

