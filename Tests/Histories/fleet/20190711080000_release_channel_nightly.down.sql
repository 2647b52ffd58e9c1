-- An enum value cannot be dropped: rebuild the type.
ALTER TABLE firmware_releases ALTER COLUMN channel DROP DEFAULT;
ALTER TYPE release_channel RENAME TO release_channel_old;
CREATE TYPE release_channel AS ENUM ('stable', 'beta');
ALTER TABLE firmware_releases ALTER COLUMN channel TYPE release_channel
    USING (CASE WHEN channel::text = 'nightly' THEN 'beta' ELSE channel::text END)::release_channel;
ALTER TABLE firmware_releases ALTER COLUMN channel SET DEFAULT 'beta';
DROP TYPE release_channel_old;
