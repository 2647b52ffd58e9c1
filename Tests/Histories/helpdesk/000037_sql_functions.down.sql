DROP FUNCTION kb.search(text);
DROP FUNCTION ticket_age(timestamptz);
