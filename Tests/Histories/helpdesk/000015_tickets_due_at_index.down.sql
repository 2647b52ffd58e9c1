DROP INDEX CONCURRENTLY tickets_due_at_idx;
