-- app_clients: the businesses the service works for. Every other app table (but app_todos)
-- belongs to a client and goes with it when it is deleted.

CREATE TYPE app_client_plan AS ENUM ('free', 'starter', 'business');

CREATE TABLE app_clients (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    email      text NOT NULL,
    plan       app_client_plan NOT NULL DEFAULT 'free',
    phone      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT app_clients_email_key UNIQUE (email),
    CONSTRAINT app_clients_name_length CHECK (char_length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT app_clients_email_shape CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);

CREATE INDEX app_clients_created_at_idx ON app_clients (created_at, id);

COMMENT ON TABLE app_clients IS 'A business the service works for.';
COMMENT ON COLUMN app_clients.email IS 'Contact address; unique.';
