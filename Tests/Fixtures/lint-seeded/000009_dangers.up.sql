CREATE INDEX accounts_name_idx ON accounts (name); -- danger: create-index-not-concurrently
CREATE UNIQUE INDEX accounts_nick_key ON accounts (nick); -- danger: create-index-not-concurrently
CREATE INDEX events_at_idx ON events USING brin (at); -- danger: create-index-not-concurrently
ALTER TABLE events ADD CONSTRAINT events_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id); -- danger: constraint-not-valid
ALTER TABLE accounts ADD CONSTRAINT accounts_score_check CHECK (score >= 0); -- danger: constraint-not-valid
ALTER TABLE orgs ADD CONSTRAINT orgs_name_check CHECK (name <> ''); -- danger: constraint-not-valid
ALTER TABLE accounts ADD COLUMN tier int NOT NULL; -- danger: add-column-not-null-without-default
ALTER TABLE events ADD COLUMN source text NOT NULL; -- danger: add-column-not-null-without-default
ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- danger: add-column-rewrites-table
ALTER TABLE accounts ADD COLUMN seq bigserial; -- danger: add-column-rewrites-table
ALTER TABLE accounts ADD COLUMN doubled numeric GENERATED ALWAYS AS (score * 2) STORED; -- danger: add-column-rewrites-table
ALTER TABLE events ADD COLUMN r double precision DEFAULT random(); -- danger: add-column-rewrites-table
ALTER TABLE events ADD COLUMN n int GENERATED ALWAYS AS IDENTITY; -- danger: add-column-rewrites-table
ALTER TABLE accounts ALTER COLUMN name TYPE varchar(20); -- danger: alter-column-type-rewrites-table
ALTER TABLE events ALTER COLUMN id TYPE numeric; -- danger: alter-column-type-rewrites-table
ALTER TABLE events ALTER COLUMN at TYPE timestamp; -- danger: alter-column-type-rewrites-table
ALTER TABLE events ALTER COLUMN kind TYPE varchar(10); -- danger: alter-column-type-rewrites-table
ALTER TABLE accounts ALTER COLUMN plan TYPE integer USING plan::integer; -- danger: alter-column-type-rewrites-table
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL; -- danger: set-not-null-scans-table
ALTER TABLE orgs ALTER COLUMN name SET NOT NULL; -- danger: set-not-null-scans-table
ALTER TABLE tags ADD PRIMARY KEY (id); -- danger: add-constraint-builds-index
ALTER TABLE tags ADD CONSTRAINT tags_label_key UNIQUE (label); -- danger: add-constraint-builds-index
CREATE TABLE memberships (account_id bigint REFERENCES accounts (id), org_id bigint REFERENCES orgs (id), PRIMARY KEY (account_id, org_id)); -- danger: foreign-key-without-index
DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN extra int', 'accounts'); END $$; -- danger: opaque-statement
