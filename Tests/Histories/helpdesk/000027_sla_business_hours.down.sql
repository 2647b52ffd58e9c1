ALTER TABLE sla_policies DROP COLUMN hours;
DROP TYPE business_hours;
