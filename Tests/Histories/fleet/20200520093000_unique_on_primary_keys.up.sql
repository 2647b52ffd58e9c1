ALTER TABLE organizations ADD UNIQUE (id);
ALTER TABLE device_firmware ADD UNIQUE (device_id, firmware_id);
