drop index "audit_log_created_at_index";
drop index "audit_log_entity_entity_key_index";
alter table "audit_log" rename "entity_key" to "entity_id";
create index "audit_log_entity_entity_id_index" on "audit_log" ("entity", "entity_id");
