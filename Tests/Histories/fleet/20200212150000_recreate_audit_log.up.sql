-- audit_log gets a NOT NULL org_id. The 2019 rows stay in audit_log_2019 for the auditors.
ALTER TABLE audit_log RENAME TO audit_log_2019;

CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    actor text DEFAULT NULL,
    action text NOT NULL,
    target jsonb,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id)
);
CREATE INDEX ON audit_log USING gin (target);
CREATE INDEX ON audit_log (org_id, at DESC) INCLUDE (action);
