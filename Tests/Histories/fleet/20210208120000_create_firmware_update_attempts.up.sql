CREATE TABLE firmware_update_attempts_per_device_including_bootloader_results (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id bigint NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    firmware_id int NOT NULL REFERENCES firmware_releases (id),
    attempted_at timestamptz NOT NULL DEFAULT now(),
    outcome text NOT NULL CHECK (outcome IN ('ok', 'failed', 'rolled_back')),
    bootloader_version_reported_by_the_device_before_the_update_started text DEFAULT NULL
);
CREATE INDEX ON firmware_update_attempts_per_device_including_bootloader_results (device_id, attempted_at);
CREATE INDEX ON firmware_update_attempts_per_device_including_bootloader_results (firmware_id) WHERE outcome <> 'ok';
