-- Running downgrade 8d2a6f0c4e37 -> 0a6e4c2f8b15

ALTER TABLE invoices DROP CONSTRAINT ck_invoices_paid_at_when_paid;

ALTER TABLE invoices DROP CONSTRAINT ck_invoices_status;

ALTER TABLE invoices DROP COLUMN paid_at CASCADE RESTRICT;

ALTER TABLE invoices DROP COLUMN status;

