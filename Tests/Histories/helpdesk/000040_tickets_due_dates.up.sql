-- One due date becomes two. The view and the index on due_at go with the column.
ALTER TABLE tickets DROP COLUMN due_at CASCADE;
ALTER TABLE tickets
    ADD COLUMN first_response_due_at timestamptz DEFAULT NULL,
    ADD COLUMN resolution_due_at timestamptz DEFAULT NULL;

CREATE VIEW open_tickets AS
SELECT t.id, t.subject, t.status, t.priority, a.name AS assignee,
       t.first_response_due_at, t.resolution_due_at
FROM tickets t
LEFT JOIN agents a ON a.id = t.assignee_id
WHERE t.status IN ('new', 'open', 'pending', 'on_hold');
