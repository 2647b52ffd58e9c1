drop view open_tickets;
