-- Running downgrade e4c8a0f6b2d9 -> 91d5e7b3f0a2

ALTER TABLE patients ADD COLUMN is_active BOOLEAN DEFAULT 'false' NOT NULL;

UPDATE patients SET is_active = (archived_at IS NULL);

ALTER TABLE patients DROP COLUMN archived_at;

