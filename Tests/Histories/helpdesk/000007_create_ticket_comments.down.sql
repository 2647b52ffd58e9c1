DROP TABLE ticket_comments;
