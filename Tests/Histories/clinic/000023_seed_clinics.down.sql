BEGIN;

-- Running downgrade 7b0e2c4a9d61 -> e4c8a0f6b2d9

DELETE FROM clinics WHERE name IN ('Praxis Dr. Müller – Köln', 'Clínica São José', 'Cabinet Saint-Étienne') AND NOT EXISTS (SELECT 1 FROM patients WHERE patients.clinic_id = clinics.id);

COMMIT;

