-- Rebuild the type without 'maintenance'. The view and the partial index on status depend
-- on it and are put back afterwards.
DROP VIEW device_overview;
DROP INDEX devices_org_id_status_idx;
ALTER TABLE devices ALTER COLUMN status DROP DEFAULT;
ALTER TYPE device_status RENAME TO device_status_old;
CREATE TYPE device_status AS ENUM ('provisioning', 'active', 'retired');
ALTER TABLE devices ALTER COLUMN status TYPE device_status
    USING (CASE WHEN status::text = 'maintenance' THEN 'active' ELSE status::text END)::device_status;
ALTER TABLE devices ALTER COLUMN status SET DEFAULT 'provisioning';
DROP TYPE device_status_old;
CREATE INDEX devices_org_id_status_idx ON devices (org_id, status) WHERE status <> 'retired';
create view device_overview as
select d.id, d.serial_no, d.name, d.status, m.vendor, m.model, o.slug as org
from devices d
join organizations o on o.id = d.org_id
left join device_models m on m.id = d.model_id;
