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
