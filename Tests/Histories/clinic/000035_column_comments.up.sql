-- Running upgrade 9a3e7c1f5b80 -> 4e8a2c6f0d91

COMMENT ON TABLE patients IS 'Patients of a clinic; never deleted, archived (archived_at).';

COMMENT ON COLUMN patients.preferred_name IS 'Rufname / nombre preferido – shown on reminders instead of first_name';

COMMENT ON COLUMN patients.sex IS 'F, M or X (divers); NULL = not recorded';

COMMENT ON COLUMN appointments.video_url IS 'Link for kind = ''video'' appointments';

COMMENT ON COLUMN invoices.amount IS 'Gross amount in currency, 2 decimals (€, R$, …)';
