ALTER TABLE device_groups DROP CONSTRAINT device_groups_pkey CASCADE;
ALTER TABLE device_group_members ALTER COLUMN group_id TYPE int;
ALTER TABLE device_groups ALTER COLUMN id TYPE int;
ALTER TABLE device_groups ADD PRIMARY KEY (id);
ALTER TABLE device_group_members ADD FOREIGN KEY (group_id) REFERENCES device_groups (id) ON DELETE CASCADE;
ALTER TABLE firmware_rollouts ADD FOREIGN KEY (group_id) REFERENCES device_groups (id) ON DELETE SET NULL;
