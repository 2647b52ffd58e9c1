DROP FUNCTION firmware_label(semver, release_channel);
DROP FUNCTION device_is_online(timestamptz, interval);
