BEGIN;

-- Running downgrade d82f0a6c4b97 -> 47b1c9e3d5a2

ALTER TABLE patients DROP CONSTRAINT ck_patients_sex;

ALTER TABLE patients DROP COLUMN sex;

ALTER TABLE patients DROP COLUMN date_of_birth;

UPDATE alembic_version SET version_num='47b1c9e3d5a2' WHERE alembic_version.version_num = 'd82f0a6c4b97';

COMMIT;

