ALTER TABLE users ADD COLUMN deleted_at timestamptz DEFAULT NULL;
-- e-mail addresses only need to be unique among users that still exist
DROP INDEX users_email_uniq;
CREATE UNIQUE INDEX ON users (email) WHERE deleted_at IS NULL;
