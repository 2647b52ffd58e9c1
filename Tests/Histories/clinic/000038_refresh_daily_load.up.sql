-- hand-written. The dashboard calls refresh_provider_daily_load() every 10 minutes
-- (pg_cron is not available on our plan).
CREATE OR REPLACE FUNCTION refresh_provider_daily_load() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY mv_provider_daily_load;
END;
$$;

COMMENT ON FUNCTION refresh_provider_daily_load() IS 'Refreshes mv_provider_daily_load without blocking readers (needs uq_mv_provider_daily_load).';
