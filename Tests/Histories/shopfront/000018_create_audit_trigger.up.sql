CREATE OR REPLACE FUNCTION audit.record_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO audit.events (action, subject_table, subject_id, payload)
        VALUES ('delete', TG_TABLE_NAME, OLD.id::text, to_jsonb(OLD));
    ELSE
        INSERT INTO audit.events (action, subject_table, subject_id, payload)
        VALUES (lower(TG_OP), TG_TABLE_NAME, NEW.id::text, to_jsonb(NEW));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE OR DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
