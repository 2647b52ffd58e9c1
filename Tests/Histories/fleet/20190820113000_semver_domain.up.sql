CREATE DOMAIN semver AS text
    CHECK (VALUE ~ '^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$');

ALTER TABLE firmware_releases ALTER COLUMN version TYPE semver;
