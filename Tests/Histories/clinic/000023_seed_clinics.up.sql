BEGIN;

-- Running upgrade e4c8a0f6b2d9 -> 7b0e2c4a9d61

-- op.bulk_insert(clinics_table, [...]) for the pilot customers
INSERT INTO clinics (name, timezone) VALUES ('Praxis Dr. Müller – Köln', 'Europe/Berlin') ON CONFLICT (name) DO NOTHING;

INSERT INTO clinics (name, timezone) VALUES ('Clínica São José', 'America/Sao_Paulo') ON CONFLICT (name) DO NOTHING;

INSERT INTO clinics (name, timezone) VALUES ('Cabinet Saint-Étienne', 'Europe/Paris') ON CONFLICT (name) DO NOTHING;

COMMIT;

