ALTER TYPE device_status ADD VALUE IF NOT EXISTS 'maintenance' AFTER 'active';
