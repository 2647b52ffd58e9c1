ALTER TABLE accounts VALIDATE CONSTRAINT accounts_org_fkey; -- safe
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_code_nn; -- safe
