ALTER TABLE tickets
    DROP COLUMN due_at,
    DROP COLUMN sla_policy_id,;
