-- Macros can now run several actions. Copy the old ones over as a single "comment" action.
ALTER TABLE macros RENAME TO macros_v1;

CREATE TABLE macros (
    id serial PRIMARY KEY,
    title text NOT NULL,
    actions jsonb NOT NULL DEFAULT '[]',
    shared boolean DEFAULT true,
    created_by int REFERENCES agents (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO macros (title, actions, created_by)
SELECT title, jsonb_build_array(jsonb_build_object('type', 'comment', 'body', body)), created_by
FROM macros_v1
ORDER BY id;

DROP TABLE macros_v1;
