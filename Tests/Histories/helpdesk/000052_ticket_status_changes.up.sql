CREATE TABLE ticket_status_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    old_status ticket_status,
    new_status ticket_status NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON ticket_status_changes (ticket_id, changed_at DESC) INCLUDE (new_status);

CREATE FUNCTION log_ticket_status_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_status_changes (ticket_id, old_status, new_status)
    VALUES (NEW.id, OLD.status, NEW.status);
    RETURN NEW;
END
$$;

CREATE TRIGGER tickets_status_change AFTER UPDATE OF status ON tickets
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION log_ticket_status_change();
