BEGIN;

-- Running upgrade 3f9a1c2b7d4e -> 8b2e6d0a91c5

CREATE TYPE practitioner_role AS ENUM ('doctor', 'nurse', 'therapist');

CREATE TABLE practitioners (
    id SERIAL NOT NULL, 
    clinic_id INTEGER NOT NULL, 
    display_name VARCHAR(120) NOT NULL, 
    role practitioner_role NOT NULL, 
    email VARCHAR(255), 
    CONSTRAINT pk_practitioners PRIMARY KEY (id), 
    CONSTRAINT fk_practitioners_clinic_id_clinics FOREIGN KEY(clinic_id) REFERENCES clinics (id) ON DELETE CASCADE, 
    CONSTRAINT uq_practitioners_email UNIQUE (email)
);

CREATE INDEX ix_practitioners_clinic_id ON practitioners (clinic_id);

UPDATE alembic_version SET version_num='8b2e6d0a91c5' WHERE alembic_version.version_num = '3f9a1c2b7d4e';

COMMIT;

