CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id uuid DEFAULT NULL,
    action text NOT NULL,
    subject_table text,
    subject_id text,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb,
    at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.events (subject_table, subject_id);
CREATE INDEX ON audit.events USING gin (payload jsonb_path_ops);

COMMENT ON TABLE audit.events IS 'Append-only. Don''t UPDATE rows here — ask #ops first.';
