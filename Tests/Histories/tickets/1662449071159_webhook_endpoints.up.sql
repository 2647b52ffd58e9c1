-- knex (migrations/20220906_webhooks.js): the organizer dashboard still runs on the knex service
create table "webhook_endpoints" ("id" serial primary key, "organizer_id" uuid not null, "url" varchar(255) not null, "secret" varchar(255) not null, "events" text[] not null default '{}', "active" boolean not null default '1', "created_at" timestamptz not null default CURRENT_TIMESTAMP, "updated_at" timestamptz not null default CURRENT_TIMESTAMP);
alter table "webhook_endpoints" add constraint "webhook_endpoints_organizer_id_foreign" foreign key ("organizer_id") references "user" ("id") on delete CASCADE;
create index "webhook_endpoints_organizer_id_index" on "webhook_endpoints" ("organizer_id");
