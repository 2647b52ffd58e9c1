create view device_overview as
select d.id, d.serial_no, d.name, d.status, m.vendor, m.model, o.slug as org
from devices d
join organizations o on o.id = d.org_id
left join device_models m on m.id = d.model_id;
