-- Thumbnails now live in the object store's metadata; their foreign key goes with the index.
DROP INDEX attachments_storage_key_idx CASCADE;
ALTER TABLE attachments ADD CONSTRAINT attachments_storage_key_key UNIQUE (storage_key);
