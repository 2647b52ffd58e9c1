ALTER TABLE ticket_comments DROP COLUMN body_tsv;
