DROP TABLE device_group_members;
DROP TABLE device_groups;
