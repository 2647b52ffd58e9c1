-- Tags live in tickets.tags now. ticket_tags stays one more release (its foreign key goes).
DROP TABLE tags CASCADE;
