BEGIN;

-- Running downgrade c41f7e9a2d3b -> 8b2e6d0a91c5

DROP INDEX ix_appointments_patient_id;

DROP INDEX ix_appointments_starts_at;

DROP TABLE appointments;

DROP TYPE appointment_status;

UPDATE alembic_version SET version_num='8b2e6d0a91c5' WHERE alembic_version.version_num = 'c41f7e9a2d3b';

COMMIT;

