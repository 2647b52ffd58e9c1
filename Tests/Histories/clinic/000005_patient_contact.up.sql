BEGIN;

-- Running upgrade 5d0c8a1e6f72 -> e7a92b4c0d18

ALTER TABLE patients ADD COLUMN email VARCHAR(255);

ALTER TABLE patients ADD COLUMN phone VARCHAR(50);

ALTER TABLE patients ADD COLUMN is_active BOOLEAN DEFAULT 'false' NOT NULL;

ALTER TABLE patients ADD CONSTRAINT uq_patients_email UNIQUE (email);

UPDATE alembic_version SET version_num='e7a92b4c0d18' WHERE alembic_version.version_num = '5d0c8a1e6f72';

COMMIT;

