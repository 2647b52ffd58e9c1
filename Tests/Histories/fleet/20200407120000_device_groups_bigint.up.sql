-- device_groups.id becomes bigint. The CASCADE also drops the foreign keys of
-- device_group_members and firmware_rollouts; only the first is put back (rollouts keep
-- their group_id as a plain number from now on).
ALTER TABLE device_groups DROP CONSTRAINT device_groups_pkey CASCADE;
ALTER TABLE device_groups ALTER COLUMN id TYPE bigint;
ALTER TABLE device_groups ADD PRIMARY KEY (id);
ALTER TABLE device_group_members ALTER COLUMN group_id TYPE bigint;
ALTER TABLE device_group_members ADD FOREIGN KEY (group_id) REFERENCES device_groups (id) ON DELETE CASCADE;
