create view open_tickets as
select t.id, t.subject, t.status, t.priority, a.name as assignee, t.due_at
from tickets t
left join agents a on a.id = t.assignee_id
where t.status in ('new', 'open', 'pending', 'on_hold');
