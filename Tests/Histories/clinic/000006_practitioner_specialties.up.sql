BEGIN;

-- Running upgrade e7a92b4c0d18 -> 1b6f3d8e9a40

ALTER TABLE practitioners ADD COLUMN specialties VARCHAR[];

ALTER TABLE practitioners ADD COLUMN languages VARCHAR(50)[] DEFAULT '{}' NOT NULL;

CREATE INDEX ix_practitioners_specialties ON practitioners USING gin (specialties);

UPDATE alembic_version SET version_num='1b6f3d8e9a40' WHERE alembic_version.version_num = 'e7a92b4c0d18';

COMMIT;

