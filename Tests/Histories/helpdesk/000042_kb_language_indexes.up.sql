DO $$
DECLARE
    cfg text;
    loc text;
BEGIN
    FOR cfg, loc IN SELECT * FROM (VALUES ('english', 'en'), ('german', 'de'), ('french', 'fr')) AS v(cfg, loc)
    LOOP
        EXECUTE format(
            'CREATE INDEX IF NOT EXISTS %I ON kb.articles USING gin (to_tsvector(%L::regconfig, body)) WHERE locale = %L',
            'articles_body_' || loc || '_idx', cfg, loc);
    END LOOP;
END
$$;

/* pg-codegen:assume
-- The loop above, written out for the model generator (PostgreSQL never runs a comment).
CREATE INDEX IF NOT EXISTS articles_body_en_idx ON kb.articles USING gin (to_tsvector('english'::regconfig, body)) WHERE locale = 'en';
CREATE INDEX IF NOT EXISTS articles_body_de_idx ON kb.articles USING gin (to_tsvector('german'::regconfig, body)) WHERE locale = 'de';
CREATE INDEX IF NOT EXISTS articles_body_fr_idx ON kb.articles USING gin (to_tsvector('french'::regconfig, body)) WHERE locale = 'fr';
*/
