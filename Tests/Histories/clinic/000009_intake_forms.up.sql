BEGIN;

-- Running upgrade a0d4e6f2c813 -> 47b1c9e3d5a2

CREATE TABLE intake_forms (
    id SERIAL NOT NULL, 
    patient_id INTEGER NOT NULL, 
    submitted_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL, 
    answers JSONB DEFAULT '{}'::jsonb NOT NULL, 
    signed BOOLEAN DEFAULT false NOT NULL, 
    CONSTRAINT pk_intake_forms PRIMARY KEY (id), 
    CONSTRAINT fk_intake_forms_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE CASCADE
);

CREATE INDEX ix_intake_forms_patient_id ON intake_forms (patient_id);

CREATE INDEX ix_intake_forms_answers ON intake_forms USING gin (answers jsonb_path_ops);

UPDATE alembic_version SET version_num='47b1c9e3d5a2' WHERE alembic_version.version_num = 'a0d4e6f2c813';

COMMIT;

