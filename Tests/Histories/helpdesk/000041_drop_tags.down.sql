CREATE SEQUENCE tags_id_seq AS integer;
CREATE TABLE tags (
    id bigint NOT NULL DEFAULT nextval('tags_id_seq'),
    name citext NOT NULL,
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);
ALTER SEQUENCE tags_id_seq OWNED BY tags.id;
CREATE UNIQUE INDEX ON tags (name);
INSERT INTO tags (name) VALUES
    ('billing'),
    ('bug'),
    ('feature-request'),
    ('données-personnelles'),
    ('dringend 🔥');
ALTER TABLE ticket_tags ADD CONSTRAINT ticket_tags_tag_id_fkey
    FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE;
