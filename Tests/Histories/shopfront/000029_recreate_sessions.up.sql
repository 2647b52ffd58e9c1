-- Store only a hash of the session token. The old table stays around for one release
-- in case we have to roll back.
ALTER TABLE sessions RENAME TO sessions_old;

CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE,
    ip inet DEFAULT NULL,
    user_agent text DEFAULT NULL::text,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX ON sessions (user_id);

INSERT INTO sessions (user_id, token_hash, user_agent, created_at, expires_at)
SELECT user_id, digest(token, 'sha256'), user_agent, created_at, expires_at
FROM sessions_old
WHERE expires_at > now();
