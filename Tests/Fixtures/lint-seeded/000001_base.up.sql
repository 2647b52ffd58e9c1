CREATE TABLE orgs (id bigint PRIMARY KEY, name text);
CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100), name varchar(50), nick varchar(30), score numeric(10,2), plan text, org_id bigint, seen timestamp(3), code text);
CREATE INDEX accounts_org_idx ON accounts (org_id); -- safe
CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint, kind text, payload jsonb, at timestamptz);
CREATE INDEX events_account_idx ON events (account_id); -- safe
CREATE TABLE tags (id bigint, name text, label text);
CREATE TABLE legacy (id bigint PRIMARY KEY, note text);
CREATE TABLE legacy2 (id bigint PRIMARY KEY);
CREATE TABLE legacy3 (id bigint PRIMARY KEY);
