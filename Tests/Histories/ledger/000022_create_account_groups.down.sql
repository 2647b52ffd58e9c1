alter table accounts drop column group_id;
drop table account_groups;
