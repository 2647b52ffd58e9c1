DROP INDEX CONCURRENTLY devices_name_idx;
