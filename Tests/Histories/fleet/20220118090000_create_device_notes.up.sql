CREATE TABLE device_notes (	
    id bigserial PRIMARY KEY,  
    device_id bigint NOT NULL REFERENCES devices (id) ON DELETE CASCADE,  
    author text DEFAULT NULL,  
    body text NOT NULL,  
    body_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED,  
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON device_notes USING gin (body_tsv);
CREATE INDEX ON device_notes (device_id, created_at DESC);
