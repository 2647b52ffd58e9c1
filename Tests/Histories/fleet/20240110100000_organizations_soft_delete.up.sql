ALTER TABLE organizations ADD COLUMN deleted_at timestamptz DEFAULT NULL;
-- slugs can be reused once an organisation is deleted
DROP INDEX organizations_slug_idx;
CREATE UNIQUE INDEX ON organizations (slug) WHERE deleted_at IS NULL;
