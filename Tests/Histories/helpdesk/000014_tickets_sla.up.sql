ALTER TABLE tickets
    ADD COLUMN sla_policy_id int DEFAULT NULL REFERENCES sla_policies (id),
    ADD COLUMN due_at timestamptz DEFAULT NULL;
