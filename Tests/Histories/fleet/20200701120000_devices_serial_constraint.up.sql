-- The unique index on (org_id, serial_no) becomes a constraint. Certificates now point at
-- the device id; their old foreign key depended on the index and goes with it.
DROP INDEX devices_org_id_serial_no_idx CASCADE;
ALTER TABLE devices ADD CONSTRAINT devices_org_serial_key UNIQUE (org_id, serial_no);
ALTER TABLE device_certificates ADD COLUMN device_id bigint DEFAULT NULL REFERENCES devices (id) ON DELETE CASCADE;
