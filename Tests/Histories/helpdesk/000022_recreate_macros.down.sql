ALTER TABLE macros RENAME TO macros_v2;

CREATE TABLE macros (
    id serial PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL,
    created_by int REFERENCES agents (id)
);

INSERT INTO macros (title, body, created_by)
SELECT title, coalesce(actions -> 0 ->> 'body', ''), created_by FROM macros_v2 ORDER BY id;

DROP TABLE macros_v2;
