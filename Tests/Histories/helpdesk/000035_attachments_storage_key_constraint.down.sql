ALTER TABLE attachments DROP CONSTRAINT attachments_storage_key_key;
CREATE UNIQUE INDEX ON attachments (storage_key);
ALTER TABLE attachment_thumbnails ADD FOREIGN KEY (storage_key) REFERENCES attachments (storage_key) ON DELETE CASCADE;
