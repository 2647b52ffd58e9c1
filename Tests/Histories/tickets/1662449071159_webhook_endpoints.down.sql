drop table if exists "webhook_endpoints";
