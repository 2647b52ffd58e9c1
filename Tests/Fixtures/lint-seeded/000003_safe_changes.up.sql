ALTER TABLE accounts ADD COLUMN created timestamptz DEFAULT now(); -- safe
ALTER TABLE accounts ADD COLUMN active boolean NOT NULL DEFAULT true; -- safe
ALTER TABLE accounts ALTER COLUMN nick TYPE varchar(60); -- safe
ALTER TABLE accounts ALTER COLUMN email TYPE text; -- safe
ALTER TABLE accounts ALTER COLUMN score TYPE numeric(14,2); -- safe
ALTER TABLE accounts ALTER COLUMN seen TYPE timestamp(6); -- safe
ALTER TABLE accounts ADD COLUMN notes text; -- safe
ALTER TABLE accounts ADD COLUMN kind text DEFAULT 'basic'; -- safe
ALTER TABLE accounts ADD CONSTRAINT accounts_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID; -- safe
ALTER TABLE accounts ADD CONSTRAINT accounts_code_nn CHECK (code IS NOT NULL) NOT VALID; -- safe
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN CREATE TYPE mood AS ENUM ('calm', 'busy'); END IF; END $$; -- safe
