CREATE TYPE device_status AS ENUM ('provisioning', 'active', 'retired');
ALTER TABLE devices ADD COLUMN status device_status NOT NULL DEFAULT 'provisioning';
