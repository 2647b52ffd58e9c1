BEGIN;

-- Running downgrade 9e3c5a7b1f26 -> 1b6f3d8e9a40

DROP TABLE availability_slots;

UPDATE alembic_version SET version_num='1b6f3d8e9a40' WHERE alembic_version.version_num = '9e3c5a7b1f26';

COMMIT;

