BEGIN;

-- Running upgrade 3a9f6d2c8e05 -> 91d5e7b3f0a2

-- Hand-edited: Alembic cannot remove an enum value. 'rescheduled' goes (a rescheduled
-- appointment is booked again), 'no_show' becomes 'missed'. The view and the partial index
-- use the column, so they are dropped first and created again.
DROP VIEW v_upcoming_appointments;

DROP INDEX ix_appointments_active_provider;

UPDATE appointments SET status = 'booked' WHERE status = 'rescheduled';

ALTER TYPE appointment_status RENAME TO appointment_status_old;

CREATE TYPE appointment_status AS ENUM ('booked', 'confirmed', 'cancelled', 'missed', 'completed');

ALTER TABLE appointments ALTER COLUMN status DROP DEFAULT;

ALTER TABLE appointments ALTER COLUMN status TYPE appointment_status USING (CASE status::text WHEN 'no_show' THEN 'missed' ELSE status::text END)::appointment_status;

ALTER TABLE appointments ALTER COLUMN status SET DEFAULT 'booked';

DROP TYPE appointment_status_old;

CREATE INDEX ix_appointments_active_provider ON appointments (provider_id, starts_at) WHERE status IN ('booked', 'confirmed');

CREATE VIEW v_upcoming_appointments AS
SELECT a.id AS appointment_id,
       a.starts_at,
       a.ends_at,
       a.status,
       p.id AS patient_id,
       p.first_name,
       p.last_name,
       pr.id AS practitioner_id,
       pr.display_name AS practitioner_name,
       r.name AS room_name
  FROM appointments a
  JOIN patients p ON p.id = a.patient_id
  JOIN providers pr ON pr.id = a.provider_id
  LEFT JOIN rooms r ON r.id = a.room_id
 WHERE a.starts_at >= now()
   AND a.status IN ('booked', 'confirmed');

COMMENT ON VIEW v_upcoming_appointments IS 'Front desk: appointments from now on, not cancelled.';

COMMIT;

