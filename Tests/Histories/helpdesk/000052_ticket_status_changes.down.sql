DROP TRIGGER tickets_status_change ON tickets;
DROP FUNCTION log_ticket_status_change();
DROP TABLE ticket_status_changes;
