-- knex: table.renameColumn('entity_id', 'entity_key') and the index that goes with it
alter table "audit_log" rename "entity_id" to "entity_key";
drop index "audit_log_entity_entity_id_index";
create index "audit_log_entity_entity_key_index" on "audit_log" ("entity", "entity_key");
create index "audit_log_created_at_index" on "audit_log" ("created_at" desc) where "actor_id" is not null;
