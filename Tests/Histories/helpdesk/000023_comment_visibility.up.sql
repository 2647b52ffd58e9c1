CREATE TYPE comment_visibility AS ENUM ('public', 'internal');
ALTER TABLE ticket_comments ADD COLUMN visibility comment_visibility NOT NULL DEFAULT 'public';
UPDATE ticket_comments SET visibility = 'internal' WHERE NOT is_public;
ALTER TABLE ticket_comments DROP COLUMN is_public;
