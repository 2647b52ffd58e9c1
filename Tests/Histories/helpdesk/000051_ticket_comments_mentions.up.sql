alter table ticket_comments add column mentions int[] default null;
create index on ticket_comments using gin (mentions) where mentions is not null;
