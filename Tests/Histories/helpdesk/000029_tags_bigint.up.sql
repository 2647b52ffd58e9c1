-- tags.id becomes bigint. Dropping the primary key drops ticket_tags' foreign key with it.
ALTER TABLE tags DROP CONSTRAINT tags_pkey CASCADE;
ALTER TABLE tags ALTER COLUMN id TYPE bigint;
ALTER TABLE ticket_tags ALTER COLUMN tag_id TYPE bigint;
ALTER TABLE tags ADD PRIMARY KEY (id);
ALTER TABLE ticket_tags ADD CONSTRAINT ticket_tags_tag_id_fkey
    FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE;
