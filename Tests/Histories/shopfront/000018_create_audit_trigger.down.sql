DROP TRIGGER payments_audit ON payments;
DROP TRIGGER orders_audit ON orders;
DROP FUNCTION audit.record_change();
