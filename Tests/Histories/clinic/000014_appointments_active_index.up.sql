BEGIN;

-- Running upgrade 2e8d4b6a0c71 -> b93a7c1e5d20

CREATE INDEX ix_appointments_active_practitioner ON appointments (practitioner_id, starts_at) WHERE status IN ('booked', 'confirmed', 'rescheduled');

DROP INDEX ix_appointments_starts_at;

COMMIT;

