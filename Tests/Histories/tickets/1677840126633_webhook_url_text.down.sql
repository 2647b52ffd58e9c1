alter table "webhook_endpoints" rename "event_types" to "events";
alter table "webhook_endpoints" alter column "url" drop default;
alter table "webhook_endpoints" alter column "url" drop not null;
alter table "webhook_endpoints" alter column "url" type varchar(255) using ("url"::varchar(255));
alter table "webhook_endpoints" alter column "url" set not null;
