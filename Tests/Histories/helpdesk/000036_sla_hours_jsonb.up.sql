DROP TYPE business_hours CASCADE;
ALTER TABLE sla_policies ADD COLUMN hours jsonb DEFAULT NULL;
