DROP INDEX tickets_status_idx1;
DROP INDEX tickets_status_idx;
