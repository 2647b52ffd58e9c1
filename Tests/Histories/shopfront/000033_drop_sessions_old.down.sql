CREATE SEQUENCE sessions_id_seq;
CREATE TABLE sessions_old (
    id bigint NOT NULL DEFAULT nextval('sessions_id_seq'),
    user_id uuid NOT NULL,
    token text NOT NULL,
    user_agent text DEFAULT NULL::text,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CONSTRAINT sessions_pkey PRIMARY KEY (id),
    CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
ALTER SEQUENCE sessions_id_seq OWNED BY sessions_old.id;
CREATE INDEX sessions_user_id_idx ON sessions_old (user_id);
CREATE UNIQUE INDEX sessions_token_idx ON sessions_old (token);
CREATE VIEW active_sessions AS
    SELECT user_id, count(*) AS n
    FROM sessions_old
    WHERE expires_at > now()
    GROUP BY user_id;
