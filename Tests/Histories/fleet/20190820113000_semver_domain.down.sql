ALTER TABLE firmware_releases ALTER COLUMN version TYPE text;
DROP DOMAIN semver;
