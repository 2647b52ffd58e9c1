-- Running upgrade b93a7c1e5d20 -> 0f4c2e8a6b13

-- op.execute(): the front desk's list of upcoming appointments
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
  JOIN practitioners pr ON pr.id = a.practitioner_id
  LEFT JOIN rooms r ON r.id = a.room_id
 WHERE a.starts_at >= now()
   AND a.status IN ('booked', 'confirmed', 'rescheduled');

COMMENT ON VIEW v_upcoming_appointments IS 'Front desk: appointments from now on, not cancelled.';
