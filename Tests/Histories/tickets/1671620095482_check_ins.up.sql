-- knex (migrations/20221221_check_ins.js): the scanner API; table.enu('result', […]) is a text
-- column with an unnamed CHECK
create table "scan_devices" ("id" serial primary key, "name" varchar(255) not null, "venue_id" integer not null, "last_seen_at" timestamptz);
alter table "scan_devices" add constraint "scan_devices_venue_id_foreign" foreign key ("venue_id") references "venue" ("id");
create table "check_ins" ("id" bigserial primary key, "ticket_id" uuid not null, "device_id" integer, "scanned_at" timestamptz not null default CURRENT_TIMESTAMP, "result" text check ("result" in ('ok', 'duplicate', 'invalid')) not null);
alter table "check_ins" add constraint "check_ins_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on delete cascade;
alter table "check_ins" add constraint "check_ins_device_id_foreign" foreign key ("device_id") references "scan_devices" ("id") on delete set null;
create index "check_ins_ticket_id_scanned_at_index" on "check_ins" ("ticket_id", "scanned_at");
