-- Running downgrade 4e8a2c6f0d91 -> 9a3e7c1f5b80

COMMENT ON COLUMN invoices.amount IS NULL;

COMMENT ON COLUMN appointments.video_url IS NULL;

COMMENT ON COLUMN patients.sex IS NULL;

COMMENT ON COLUMN patients.preferred_name IS NULL;

COMMENT ON TABLE patients IS NULL;
