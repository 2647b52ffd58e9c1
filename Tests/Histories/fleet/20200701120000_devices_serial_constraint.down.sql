ALTER TABLE device_certificates DROP COLUMN device_id;
ALTER TABLE devices DROP CONSTRAINT devices_org_serial_key;
CREATE UNIQUE INDEX ON devices (org_id, serial_no);
ALTER TABLE device_certificates ADD FOREIGN KEY (org_id, serial_no) REFERENCES devices (org_id, serial_no) ON DELETE CASCADE;
