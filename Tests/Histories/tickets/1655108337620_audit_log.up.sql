-- from the old knex service (migrations/20220613_audit_log.js), knex.schema…toString()
create table "audit_log" ("id" bigserial primary key, "actor_id" uuid, "action" varchar(255) not null, "entity" varchar(255) not null, "entity_id" varchar(255), "payload" jsonb, "created_at" timestamptz not null default CURRENT_TIMESTAMP);
create index "audit_log_entity_entity_id_index" on "audit_log" ("entity", "entity_id");
alter table "audit_log" add constraint "audit_log_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on delete set null;
