CREATE INDEX CONCURRENTLY ON tickets (due_at) WHERE status IN ('new', 'open', 'pending');
