BEGIN;

-- Running downgrade 1b6f3d8e9a40 -> e7a92b4c0d18

DROP INDEX ix_practitioners_specialties;

ALTER TABLE practitioners DROP COLUMN languages;

ALTER TABLE practitioners DROP COLUMN specialties;

UPDATE alembic_version SET version_num='e7a92b4c0d18' WHERE alembic_version.version_num = '1b6f3d8e9a40';

COMMIT;

