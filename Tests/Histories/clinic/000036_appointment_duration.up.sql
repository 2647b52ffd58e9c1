-- Running upgrade 4e8a2c6f0d91 -> b5d1f9a3e7c2

-- sa.Computed("ends_at - starts_at", persisted=True)
ALTER TABLE appointments ADD COLUMN duration INTERVAL GENERATED ALWAYS AS (ends_at - starts_at) STORED;
