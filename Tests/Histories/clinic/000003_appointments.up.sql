BEGIN;

-- Running upgrade 8b2e6d0a91c5 -> c41f7e9a2d3b

CREATE TYPE appointment_status AS ENUM ('booked', 'confirmed', 'cancelled', 'no_show', 'completed');

CREATE TABLE appointments (
    id SERIAL NOT NULL, 
    patient_id INTEGER NOT NULL, 
    practitioner_id INTEGER NOT NULL, 
    starts_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    ends_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    status appointment_status DEFAULT 'booked' NOT NULL, 
    notes TEXT, 
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL, 
    CONSTRAINT pk_appointments PRIMARY KEY (id), 
    CONSTRAINT fk_appointments_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE CASCADE, 
    CONSTRAINT fk_appointments_practitioner_id_practitioners FOREIGN KEY(practitioner_id) REFERENCES practitioners (id), 
    CONSTRAINT ck_appointments_ends_after_starts CHECK (ends_at > starts_at)
);

CREATE INDEX ix_appointments_starts_at ON appointments (starts_at);

CREATE INDEX ix_appointments_patient_id ON appointments (patient_id);

UPDATE alembic_version SET version_num='c41f7e9a2d3b' WHERE alembic_version.version_num = '8b2e6d0a91c5';

COMMIT;

