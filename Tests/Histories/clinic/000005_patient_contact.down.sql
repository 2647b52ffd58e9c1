BEGIN;

-- Running downgrade e7a92b4c0d18 -> 5d0c8a1e6f72

ALTER TABLE patients DROP CONSTRAINT uq_patients_email;

ALTER TABLE patients DROP COLUMN is_active;

ALTER TABLE patients DROP COLUMN phone;

ALTER TABLE patients DROP COLUMN email;

UPDATE alembic_version SET version_num='5d0c8a1e6f72' WHERE alembic_version.version_num = 'e7a92b4c0d18';

COMMIT;

