BEGIN;

-- Running downgrade b93a7c1e5d20 -> 2e8d4b6a0c71

CREATE INDEX ix_appointments_starts_at ON appointments (starts_at);

DROP INDEX ix_appointments_active_practitioner;

COMMIT;

