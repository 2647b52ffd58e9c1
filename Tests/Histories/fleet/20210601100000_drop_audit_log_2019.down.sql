DROP VIEW audit_log_recent;
CREATE TABLE audit_log_2019 (
    id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME audit_log_id_seq),
    org_id uuid,
    actor text DEFAULT NULL,
    action text NOT NULL,
    target jsonb,
    at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
CREATE INDEX audit_log_target_idx ON audit_log_2019 USING gin (target);
CREATE INDEX audit_log_org_id_at_action_idx ON audit_log_2019 (org_id, at DESC) INCLUDE (action);
CREATE VIEW audit_log_recent AS
    SELECT * FROM audit_log_2019 WHERE at > now() - interval '30 days';
