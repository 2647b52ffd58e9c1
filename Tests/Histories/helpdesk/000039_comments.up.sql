COMMENT ON TABLE tickets IS 'Support requests. A ticket belongs to exactly one customer;
see "merging" in docs/tickets.md.';
COMMENT ON COLUMN tickets.custom_fields IS E'Keys are field slugs, e.g. {"order_no": "A-123"}.\nValues are strings; don''t nest.';
COMMENT ON SCHEMA kb IS 'Knowledge base (Wissensdatenbank / base de connaissances)';
COMMENT ON COLUMN kb.articles.locale IS NULL;
