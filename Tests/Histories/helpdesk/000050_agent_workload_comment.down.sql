COMMENT ON COLUMN agent_workload.open_count IS NULL;
COMMENT ON MATERIALIZED VIEW agent_workload IS NULL;
