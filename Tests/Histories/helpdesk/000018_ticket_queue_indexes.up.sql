-- unassigned queue / assigned queue
CREATE INDEX ON tickets (status) WHERE assignee_id IS NULL;
CREATE INDEX ON tickets (status) WHERE assignee_id IS NOT NULL;
