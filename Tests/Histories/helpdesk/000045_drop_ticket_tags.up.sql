DROP TABLE ticket_tags;
