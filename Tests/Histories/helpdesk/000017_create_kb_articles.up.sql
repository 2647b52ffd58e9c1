CREATE SCHEMA kb;

CREATE TABLE kb.articles (
    id bigserial PRIMARY KEY,
    slug text NOT NULL,
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    locale text DEFAULT NULL,
    published boolean DEFAULT false,
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('simple', body), 'B')
    ) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ON kb.articles (slug, locale);
CREATE INDEX ON kb.articles USING gin (search);
CREATE INDEX ON kb.articles USING gin (title gin_trgm_ops);

CREATE TRIGGER articles_touch BEFORE UPDATE ON kb.articles
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
