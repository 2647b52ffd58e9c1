-- Generated with `alembic upgrade 3f9a1c2b7d4e --sql` (offline mode) and pasted as is.
BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 3f9a1c2b7d4e

CREATE TABLE clinics (
    id SERIAL NOT NULL, 
    name VARCHAR(120) NOT NULL, 
    timezone VARCHAR(50) NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL, 
    CONSTRAINT pk_clinics PRIMARY KEY (id), 
    CONSTRAINT uq_clinics_name UNIQUE (name)
);

CREATE TABLE patients (
    id SERIAL NOT NULL, 
    clinic_id INTEGER NOT NULL, 
    first_name VARCHAR(50) NOT NULL, 
    last_name VARCHAR(50) NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL, 
    CONSTRAINT pk_patients PRIMARY KEY (id), 
    CONSTRAINT fk_patients_clinic_id_clinics FOREIGN KEY(clinic_id) REFERENCES clinics (id)
);

CREATE INDEX ix_patients_clinic_id ON patients (clinic_id);

CREATE INDEX ix_patients_last_name ON patients (last_name);

INSERT INTO alembic_version (version_num) VALUES ('3f9a1c2b7d4e') RETURNING alembic_version.version_num;

COMMIT;

