ALTER TABLE firmware_releases DROP COLUMN yanked, DROP COLUMN min_bootloader;
