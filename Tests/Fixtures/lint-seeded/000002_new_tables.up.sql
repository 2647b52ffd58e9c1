CREATE TABLE widgets (id bigint PRIMARY KEY, account_id bigint, a int, b int, c text);
ALTER TABLE widgets ADD CONSTRAINT widgets_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id); -- safe
CREATE INDEX widgets_account_idx ON widgets (account_id); -- safe
ALTER TABLE widgets ADD CONSTRAINT widgets_b_check CHECK (b > 0); -- safe
ALTER TABLE widgets ADD COLUMN d int NOT NULL; -- safe
ALTER TABLE widgets ALTER COLUMN b SET NOT NULL; -- safe
ALTER TABLE widgets ALTER COLUMN c TYPE varchar(10); -- safe
ALTER TABLE widgets DROP COLUMN a; -- safe
ALTER TABLE widgets RENAME COLUMN b TO bb; -- safe
ALTER TABLE widgets ADD COLUMN e uuid DEFAULT gen_random_uuid(); -- safe
CREATE TABLE scratch (id int);
ALTER TABLE scratch RENAME TO scratch2; -- safe
DROP TABLE scratch2; -- safe
CREATE TABLE notes (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id), org_id bigint REFERENCES orgs (id));
CREATE INDEX notes_account_idx ON notes (account_id); -- safe
CREATE INDEX notes_org_idx ON notes (org_id) WHERE org_id IS NOT NULL; -- safe
CREATE MATERIALIZED VIEW account_counts AS SELECT org_id, count(*) AS n FROM accounts GROUP BY org_id;
CREATE UNIQUE INDEX account_counts_org_idx ON account_counts (org_id); -- safe
