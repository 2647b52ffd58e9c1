ALTER TABLE firmware_releases
    ADD COLUMN min_bootloader semver DEFAULT NULL,
    ADD COLUMN yanked boolean NOT NULL DEFAULT false;
