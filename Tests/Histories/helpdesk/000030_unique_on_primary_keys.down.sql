ALTER TABLE ticket_tags DROP CONSTRAINT ticket_tags_ticket_id_tag_id_key;
ALTER TABLE attachments DROP CONSTRAINT attachments_id_key;
