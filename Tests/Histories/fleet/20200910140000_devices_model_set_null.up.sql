-- Re-create model_id with ON DELETE SET NULL. The overview view depends on it and goes too.
ALTER TABLE devices DROP COLUMN model_id CASCADE;
ALTER TABLE devices ADD COLUMN model_id int DEFAULT NULL REFERENCES device_models (id) ON DELETE SET NULL;

create view device_overview as
select d.id, d.serial_no, d.name, d.status, m.vendor, m.model, o.slug as org
from devices d
join organizations o on o.id = d.org_id
left join device_models m on m.id = d.model_id;
