-- knex: table.text('url').notNullable().alter(); table.renameColumn('events', 'event_types')
alter table "webhook_endpoints" alter column "url" drop default;
alter table "webhook_endpoints" alter column "url" drop not null;
alter table "webhook_endpoints" alter column "url" type text using ("url"::text);
alter table "webhook_endpoints" alter column "url" set not null;
alter table "webhook_endpoints" rename "events" to "event_types";
