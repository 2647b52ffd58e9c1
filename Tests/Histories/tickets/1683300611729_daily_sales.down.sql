drop materialized view if exists "daily_sales";
