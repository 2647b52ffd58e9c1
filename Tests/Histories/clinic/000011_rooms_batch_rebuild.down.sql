BEGIN;

-- Running downgrade 6c5e1d9b3a08 -> d82f0a6c4b97

-- Not a batch rebuild back: plain ALTERs (the columns come back in the same order).
ALTER TABLE rooms ADD COLUMN floor INTEGER;

ALTER TABLE rooms ADD COLUMN capacity INTEGER DEFAULT '1' NOT NULL;

UPDATE rooms SET floor = CAST(floor_label AS INTEGER) WHERE floor_label ~ '^-?[0-9]+$';

ALTER TABLE rooms DROP COLUMN is_bookable;

ALTER TABLE rooms DROP COLUMN floor_label;

UPDATE alembic_version SET version_num='d82f0a6c4b97' WHERE alembic_version.version_num = '6c5e1d9b3a08';

COMMIT;

