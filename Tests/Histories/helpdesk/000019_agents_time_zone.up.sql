ALTER TABLE agents ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
ALTER TABLE agents ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
