BEGIN;

-- Running upgrade 5f3d9b1e7c08 -> 0a6e4c2f8b15

CREATE TABLE invoices (
    id SERIAL NOT NULL, 
    number VARCHAR(32) NOT NULL, 
    patient_id INTEGER NOT NULL, 
    appointment_id INTEGER, 
    amount NUMERIC(10, 2) NOT NULL, 
    currency CHAR(3) DEFAULT 'EUR' NOT NULL, 
    issued_on DATE DEFAULT CURRENT_DATE NOT NULL, 
    line_items JSONB DEFAULT '[]'::jsonb NOT NULL, 
    CONSTRAINT pk_invoices PRIMARY KEY (id), 
    CONSTRAINT fk_invoices_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id), 
    CONSTRAINT fk_invoices_appointment_id_appointments FOREIGN KEY(appointment_id) REFERENCES appointments (id) ON DELETE SET NULL, 
    CONSTRAINT uq_invoices_number UNIQUE (number), 
    CONSTRAINT ck_invoices_amount_nonnegative CHECK (amount >= 0)
);

CREATE INDEX ix_invoices_patient_id ON invoices (patient_id);

COMMIT;

