CREATE TABLE device_certificates (
    fingerprint bytea PRIMARY KEY,
    org_id uuid NOT NULL,
    serial_no text NOT NULL,
    pem text NOT NULL,
    not_after timestamptz NOT NULL,
    FOREIGN KEY (org_id, serial_no) REFERENCES devices (org_id, serial_no) ON DELETE CASCADE
);
