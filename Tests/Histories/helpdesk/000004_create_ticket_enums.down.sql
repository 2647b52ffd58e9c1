DROP TYPE ticket_priority;
DROP TYPE ticket_status;
