CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid,
    actor text DEFAULT NULL,
    action text NOT NULL,
    target jsonb,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON audit_log USING gin (target);
CREATE INDEX ON audit_log (org_id, at DESC) INCLUDE (action);

CREATE VIEW audit_log_recent AS
    SELECT * FROM audit_log WHERE at > now() - interval '30 days';
