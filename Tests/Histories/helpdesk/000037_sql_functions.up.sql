CREATE FUNCTION ticket_age(created timestamptz) RETURNS interval
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT now() - created;
END;

CREATE FUNCTION kb.search(q text) RETURNS SETOF kb.articles
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT * FROM kb.articles
    WHERE search @@ websearch_to_tsquery('simple', q)
    ORDER BY ts_rank(search, websearch_to_tsquery('simple', q)) DESC;
END;
