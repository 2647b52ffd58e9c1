BEGIN;

-- Running upgrade 58e1a3c7d9f4 -> c7b2f0e4a916

CREATE TYPE waitlist_priority AS ENUM ('routine', 'soon', 'urgent');

CREATE TABLE waitlist_entries (
    id SERIAL NOT NULL, 
    patient_id INTEGER NOT NULL, 
    provider_id INTEGER, 
    priority waitlist_priority DEFAULT 'routine' NOT NULL, 
    preferred_days VARCHAR(10)[], 
    preferences JSONB, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    resolved BOOLEAN DEFAULT 'false' NOT NULL, 
    CONSTRAINT pk_waitlist_entries PRIMARY KEY (id), 
    CONSTRAINT fk_waitlist_entries_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE CASCADE, 
    CONSTRAINT fk_waitlist_entries_provider_id_providers FOREIGN KEY(provider_id) REFERENCES providers (id) ON DELETE SET NULL
);

CREATE INDEX ix_waitlist_entries_open ON waitlist_entries (priority, created_at) WHERE NOT resolved;

COMMIT;

