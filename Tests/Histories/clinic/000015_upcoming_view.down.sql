-- Running downgrade 0f4c2e8a6b13 -> b93a7c1e5d20

DROP VIEW v_upcoming_appointments;
