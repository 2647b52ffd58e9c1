ALTER TABLE attachments ADD UNIQUE (id);
ALTER TABLE ticket_tags ADD UNIQUE (ticket_id, tag_id);
