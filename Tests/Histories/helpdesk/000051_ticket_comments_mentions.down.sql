alter table ticket_comments drop column mentions;
