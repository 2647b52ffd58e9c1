REFRESH MATERIALIZED VIEW agent_workload;
COMMENT ON MATERIALIZED VIEW agent_workload IS 'Refreshed every 5 minutes by the "stats" cron job.';
COMMENT ON COLUMN agent_workload.open_count IS 'Tickets in status new or open (not pending, not on_hold)';
