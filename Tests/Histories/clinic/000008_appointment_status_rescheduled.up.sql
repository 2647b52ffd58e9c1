BEGIN;

-- Running upgrade 9e3c5a7b1f26 -> a0d4e6f2c813

-- with op.get_context().autocommit_block(): Alembic ends the transaction around ADD VALUE
COMMIT;

ALTER TYPE appointment_status ADD VALUE 'rescheduled' AFTER 'confirmed';

BEGIN;

UPDATE alembic_version SET version_num='a0d4e6f2c813' WHERE alembic_version.version_num = '9e3c5a7b1f26';

COMMIT;

