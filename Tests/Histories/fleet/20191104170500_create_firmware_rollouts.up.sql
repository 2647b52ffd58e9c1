CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A rollout offers one firmware to a group for a period; periods of one group never overlap.
CREATE TABLE firmware_rollouts (
    id bigserial PRIMARY KEY,
    firmware_id int NOT NULL REFERENCES firmware_releases (id),
    group_id int REFERENCES device_groups (id) ON DELETE SET NULL,
    percent smallint NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    rollout_window tstzrange NOT NULL,
    started_at timestamptz DEFAULT NULL,
    EXCLUDE USING gist (group_id WITH =, rollout_window WITH &&)
);
