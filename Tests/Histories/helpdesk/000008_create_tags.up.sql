CREATE TABLE tags (
    id serial PRIMARY KEY,
    name citext NOT NULL
);
CREATE UNIQUE INDEX ON tags (name);

CREATE TABLE ticket_tags (
    ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag_id int NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    UNIQUE (ticket_id, tag_id),
    PRIMARY KEY (ticket_id, tag_id)
);
