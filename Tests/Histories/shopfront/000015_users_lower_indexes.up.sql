CREATE INDEX ON users (lower(display_name));
CREATE INDEX ON users (lower(locale));
