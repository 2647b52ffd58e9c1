BEGIN;

-- Running downgrade 0a6e4c2f8b15 -> 5f3d9b1e7c08

DROP INDEX ix_invoices_patient_id;

DROP TABLE invoices;

COMMIT;

