CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.ledger_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text DEFAULT current_user,
    table_name  name NOT NULL,
    row_id      text NOT NULL,
    change      jsonb NOT NULL
);
CREATE INDEX ON audit.ledger_events (table_name, row_id);

CREATE FUNCTION audit.log_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit.ledger_events (table_name, row_id, change)
    VALUES (TG_TABLE_NAME, COALESCE(NEW.id, OLD.id)::text,
            jsonb_build_object('op', TG_OP, 'old', to_jsonb(OLD), 'new', to_jsonb(NEW)));
    RETURN NULL;
END
$$;

CREATE TRIGGER postings_audit AFTER INSERT OR UPDATE OR DELETE ON public.postings
    FOR EACH ROW EXECUTE FUNCTION audit.log_posting();
