-- alembic downgrade 3f9a1c2b7d4e:base --sql
BEGIN;

-- Running downgrade 3f9a1c2b7d4e -> 

DROP INDEX ix_patients_last_name;

DROP INDEX ix_patients_clinic_id;

DROP TABLE patients;

DROP TABLE clinics;

DELETE FROM alembic_version WHERE alembic_version.version_num = '3f9a1c2b7d4e';

DROP TABLE alembic_version;

COMMIT;

