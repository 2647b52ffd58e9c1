CREATE TABLE org_quotas (
    org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    max_devices int NOT NULL DEFAULT 100 CHECK (max_devices >= 0),
    max_api_keys int DEFAULT NULL CHECK (max_api_keys > 0),
    max_groups int NULL DEFAULT NULL
);
