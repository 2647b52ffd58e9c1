ALTER TABLE legacy DROP COLUMN note; -- danger: breaking-drop-column
ALTER TABLE events DROP COLUMN payload; -- danger: breaking-drop-column
ALTER TABLE accounts RENAME COLUMN plan TO plan_id; -- danger: breaking-rename-column
ALTER TABLE legacy2 RENAME TO legacy_two; -- danger: breaking-rename-table
DROP TABLE legacy3; -- danger: breaking-drop-table
