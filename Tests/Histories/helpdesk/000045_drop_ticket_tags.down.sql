CREATE TABLE ticket_tags (
    ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag_id bigint NOT NULL,
    PRIMARY KEY (ticket_id, tag_id)
);
ALTER TABLE ticket_tags ADD UNIQUE (ticket_id, tag_id);
