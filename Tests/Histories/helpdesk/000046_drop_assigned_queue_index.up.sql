DROP INDEX CONCURRENTLY tickets_status_idx1;
