DROP VIEW open_tickets;
ALTER TABLE tickets DROP COLUMN resolution_due_at, DROP COLUMN first_response_due_at;
ALTER TABLE tickets ADD COLUMN due_at timestamptz DEFAULT NULL;
CREATE INDEX tickets_due_at_idx ON tickets (due_at) WHERE status IN ('new', 'open', 'pending');
create view open_tickets as
select t.id, t.subject, t.status, t.priority, a.name as assignee, t.due_at
from tickets t
left join agents a on a.id = t.assignee_id
where t.status in ('new', 'open', 'pending', 'on_hold');
