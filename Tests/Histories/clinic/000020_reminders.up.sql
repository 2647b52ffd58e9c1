BEGIN;

-- Running upgrade c7b2f0e4a916 -> 3a9f6d2c8e05

CREATE TYPE reminder_channel AS ENUM ('sms', 'email', 'push');

CREATE TABLE reminders (
    id SERIAL NOT NULL, 
    appointment_id INTEGER NOT NULL, 
    channel reminder_channel NOT NULL, 
    send_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    sent BOOLEAN DEFAULT 'false' NOT NULL, 
    attempts INTEGER DEFAULT '0' NOT NULL, 
    last_error TEXT, 
    CONSTRAINT pk_reminders PRIMARY KEY (id), 
    CONSTRAINT fk_reminders_appointment_id_appointments FOREIGN KEY(appointment_id) REFERENCES appointments (id) ON DELETE CASCADE, 
    CONSTRAINT uq_reminders_appointment_id UNIQUE (appointment_id, channel), 
    CONSTRAINT ck_reminders_attempts_nonnegative CHECK (attempts >= 0)
);

CREATE INDEX ix_reminders_due ON reminders (send_at) WHERE sent = false;

COMMIT;

