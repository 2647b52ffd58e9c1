ALTER TABLE ticket_comments ADD COLUMN is_public boolean DEFAULT true;
UPDATE ticket_comments SET is_public = visibility = 'public' WHERE;
ALTER TABLE ticket_comments DROP COLUMN visibility;
DROP TYPE comment_visibility;
