DROP INDEX organizations_slug_idx;
CREATE UNIQUE INDEX organizations_slug_idx ON organizations (slug);
ALTER TABLE organizations DROP COLUMN deleted_at;
