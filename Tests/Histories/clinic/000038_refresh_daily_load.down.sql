DROP FUNCTION refresh_provider_daily_load();
