-- Running upgrade 4c8e0a2d6f19 -> a2f6c0e8d4b3

-- Longer names (double-barrelled names, "María de los Ángeles …"), last_name → family_name.
-- A view's column cannot change type, not even varchar(50) → varchar(100): drop and recreate.
DROP VIEW v_upcoming_appointments;

ALTER TABLE patients ALTER COLUMN first_name TYPE VARCHAR(100);

ALTER TABLE patients ALTER COLUMN last_name TYPE VARCHAR(100);

ALTER TABLE patients RENAME last_name TO family_name;

ALTER INDEX ix_patients_last_name RENAME TO ix_patients_family_name;

ALTER TABLE patients ADD COLUMN preferred_name VARCHAR(100);

CREATE VIEW v_upcoming_appointments AS
SELECT a.id AS appointment_id,
       a.starts_at,
       a.ends_at,
       a.status,
       p.id AS patient_id,
       p.first_name,
       p.family_name,
       pr.id AS provider_id,
       pr.display_name AS provider_name,
       r.name AS room_name
  FROM appointments a
  JOIN patients p ON p.id = a.patient_id
  JOIN providers pr ON pr.id = a.provider_id
  LEFT JOIN treatment_rooms r ON r.id = a.room_id
 WHERE a.starts_at >= now()
   AND a.status IN ('booked', 'confirmed');

COMMENT ON VIEW v_upcoming_appointments IS 'Front desk: appointments from now on, not cancelled.';
