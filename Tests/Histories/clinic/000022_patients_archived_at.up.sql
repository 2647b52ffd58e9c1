-- Running upgrade 91d5e7b3f0a2 -> e4c8a0f6b2d9

ALTER TABLE patients ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;

-- op.execute(): inactive patients were archived "some time ago"
UPDATE patients SET archived_at = created_at AT TIME ZONE 'UTC' WHERE NOT is_active;

ALTER TABLE patients DROP COLUMN is_active;

