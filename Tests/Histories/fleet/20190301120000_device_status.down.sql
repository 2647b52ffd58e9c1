ALTER TABLE devices DROP COLUMN status;
DROP TYPE device_status;
