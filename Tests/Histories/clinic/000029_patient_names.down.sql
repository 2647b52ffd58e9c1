-- Running downgrade a2f6c0e8d4b3 -> 4c8e0a2d6f19

DROP VIEW v_upcoming_appointments;

ALTER TABLE patients DROP COLUMN preferred_name;

ALTER INDEX ix_patients_family_name RENAME TO ix_patients_last_name;

ALTER TABLE patients RENAME family_name TO last_name;

ALTER TABLE patients ALTER COLUMN last_name TYPE VARCHAR(50) USING left(last_name, 50);

ALTER TABLE patients ALTER COLUMN first_name TYPE VARCHAR(50) USING left(first_name, 50);

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
  LEFT JOIN treatment_rooms r ON r.id = a.room_id
 WHERE a.starts_at >= now()
   AND a.status IN ('booked', 'confirmed');

COMMENT ON VIEW v_upcoming_appointments IS 'Front desk: appointments from now on, not cancelled.';
