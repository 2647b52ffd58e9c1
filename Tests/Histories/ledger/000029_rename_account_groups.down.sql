ALTER TABLE accounts RENAME COLUMN category_id TO group_id;
ALTER TABLE account_categories RENAME TO account_groups;
