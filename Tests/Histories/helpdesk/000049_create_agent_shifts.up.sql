CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE agent_shifts (
    id bigserial PRIMARY KEY,
    agent_id int NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    during tstzrange NOT NULL CHECK (NOT isempty(during)),
    EXCLUDE USING gist (agent_id WITH =, during WITH &&)
);
