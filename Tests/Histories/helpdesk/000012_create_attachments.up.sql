CREATE TABLE attachments (
    id uuid PRIMARY KEY UNIQUE DEFAULT gen_random_uuid(),
    comment_id bigint NOT NULL REFERENCES ticket_comments (id) ON DELETE CASCADE,
    filename text NOT NULL,
    content_type text DEFAULT NULL,
    byte_size bigint NOT NULL CHECK (byte_size >= 0),
    sha256 bytea,
    storage_key text NOT NULL DEFAULT encode(gen_random_bytes(16), 'hex')
);
CREATE UNIQUE INDEX ON attachments (storage_key);
CREATE INDEX ON attachments (comment_id);

CREATE TABLE attachment_thumbnails (
    storage_key text NOT NULL REFERENCES attachments (storage_key) ON DELETE CASCADE,
    size int NOT NULL CHECK (size IN (64, 256, 1024)),
    thumb_key text NOT NULL,
    PRIMARY KEY (storage_key, size)
);
