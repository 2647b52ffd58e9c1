BEGIN;

CREATE TABLE org_settings (
    org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    telemetry_retention interval NOT NULL DEFAULT '90 days',
    webhook_url text DEFAULT NULL,
    alert_emails text[] NOT NULL DEFAULT '{}',
    CHECK (telemetry_retention >= interval '1 day')
);

INSERT INTO org_settings (org_id) SELECT id FROM organizations;

COMMIT;
