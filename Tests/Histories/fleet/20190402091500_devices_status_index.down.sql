-- migrate:no-transaction
DROP INDEX CONCURRENTLY devices_org_id_status_idx;
