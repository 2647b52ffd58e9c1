-- saas_knowledge_base: what the AI assistant knows about a client's business. One row per FAQ,
-- product, service or policy; the shape of `content` depends on the entry type, and the
-- rich-text editor's document is kept as JSON beside the plain text that search and the AI read.

CREATE TYPE saas_knowledge_entry_type AS ENUM ('faq', 'product', 'service', 'policy');

CREATE TABLE saas_knowledge_base (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id     uuid NOT NULL REFERENCES saas_clients (id) ON DELETE CASCADE,
    entry_type    saas_knowledge_entry_type NOT NULL,
    title         varchar(300) NOT NULL,
    content       jsonb NOT NULL DEFAULT '{}'::jsonb,
    rich_content  jsonb,
    plain_text    text NOT NULL DEFAULT '',
    tags          text[] NOT NULL DEFAULT '{}',
    language      varchar(8) NOT NULL DEFAULT 'id',
    is_published  boolean NOT NULL DEFAULT true,
    sort_order    integer NOT NULL DEFAULT 0,
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('indonesian', coalesce(title, '')), 'A')
        || setweight(to_tsvector('indonesian', coalesce(plain_text, '')), 'B')
    ) STORED,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT saas_knowledge_base_content_is_object CHECK (jsonb_typeof(content) = 'object'),
    CONSTRAINT saas_knowledge_base_title_not_blank CHECK (btrim(title) <> '')
);

-- A client's entries of one type, in display order: the admin list and the AI context builder.
CREATE INDEX saas_knowledge_base_client_type_idx ON saas_knowledge_base (client_id, entry_type, sort_order);
CREATE INDEX saas_knowledge_base_search_idx ON saas_knowledge_base USING gin (search_vector);
CREATE INDEX saas_knowledge_base_tags_idx ON saas_knowledge_base USING gin (tags);

CREATE TRIGGER saas_knowledge_base_set_updated_at
    BEFORE UPDATE ON saas_knowledge_base
    FOR EACH ROW EXECUTE FUNCTION saas_set_updated_at();

COMMENT ON TYPE saas_knowledge_entry_type IS 'Kind of knowledge base entry; decides the shape of content.';
COMMENT ON TABLE saas_knowledge_base IS 'Per-client knowledge (FAQ, products, services, policies) that the AI assistant answers from.';
COMMENT ON COLUMN saas_knowledge_base.client_id IS 'Owning client.';
COMMENT ON COLUMN saas_knowledge_base.entry_type IS 'faq, product, service or policy.';
COMMENT ON COLUMN saas_knowledge_base.title IS 'Question for an FAQ, name for a product, service or policy.';
COMMENT ON COLUMN saas_knowledge_base.content IS 'Structured fields by entry type: answer for faq; price, currency, sku and stock for product; duration and price for service; effective_date for policy.';
COMMENT ON COLUMN saas_knowledge_base.rich_content IS 'Rich-text editor document (JSON) as the editor saved it; NULL for plain entries.';
COMMENT ON COLUMN saas_knowledge_base.plain_text IS 'Plain text of the entry, extracted from the rich text, for search and AI context.';
COMMENT ON COLUMN saas_knowledge_base.tags IS 'Free-form labels for filtering.';
COMMENT ON COLUMN saas_knowledge_base.language IS 'Language code of the entry (BCP 47), Indonesian by default.';
COMMENT ON COLUMN saas_knowledge_base.is_published IS 'Only published entries are given to the AI.';
COMMENT ON COLUMN saas_knowledge_base.sort_order IS 'Display order within the client and entry type.';
COMMENT ON COLUMN saas_knowledge_base.search_vector IS 'Full-text search document (title weighted above body), maintained by PostgreSQL.';
