-- Running upgrade 6c5e1d9b3a08 -> 2e8d4b6a0c71

-- Clinics in three time zones now: store instants. The old values were written in UTC.
ALTER TABLE appointments ALTER COLUMN starts_at TYPE TIMESTAMP WITH TIME ZONE USING starts_at AT TIME ZONE 'UTC';

ALTER TABLE appointments ALTER COLUMN ends_at TYPE TIMESTAMP WITH TIME ZONE USING ends_at AT TIME ZONE 'UTC';

ALTER TABLE appointments ALTER COLUMN created_at TYPE TIMESTAMP WITH TIME ZONE USING created_at AT TIME ZONE 'UTC';

