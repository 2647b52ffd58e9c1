CREATE TABLE device_groups (
    id serial PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE device_group_members (
    group_id int NOT NULL REFERENCES device_groups (id) ON DELETE CASCADE,
    device_id bigint NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, device_id)
);
