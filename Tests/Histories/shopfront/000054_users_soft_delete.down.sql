DROP INDEX users_email_idx;
CREATE UNIQUE INDEX users_email_uniq ON users (email);
ALTER TABLE users DROP COLUMN deleted_at;
