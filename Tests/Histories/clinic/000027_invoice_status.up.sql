-- Running upgrade 0a6e4c2f8b15 -> 8d2a6f0c4e37

ALTER TABLE invoices ADD COLUMN status VARCHAR(20) DEFAULT 'draft' NOT NULL;

ALTER TABLE invoices ADD COLUMN paid_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE invoices ADD CONSTRAINT ck_invoices_status CHECK (status IN ('draft', 'issued', 'paid', 'void'));

ALTER TABLE invoices ADD CONSTRAINT ck_invoices_paid_at_when_paid CHECK ((status = 'paid') = (paid_at IS NOT NULL));

