-- app_knowledge_base: a client's articles, searched with PostgreSQL's full-text search.

CREATE TABLE app_knowledge_base (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id     uuid NOT NULL REFERENCES app_clients (id) ON DELETE CASCADE,
    title         text NOT NULL,
    body          text NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED,
    created_at    timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT app_knowledge_base_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 300)
);

CREATE INDEX app_knowledge_base_client_idx ON app_knowledge_base (client_id);
CREATE INDEX app_knowledge_base_search_idx ON app_knowledge_base USING gin (search_vector);

COMMENT ON TABLE app_knowledge_base IS 'An article of a client''s knowledge base.';
