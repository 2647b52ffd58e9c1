ALTER TABLE accounts ADD COLUMN parent_id integer DEFAULT NULL REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX ON accounts (parent_id);
