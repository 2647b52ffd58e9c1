ALTER TABLE account_groups RENAME TO account_categories;
ALTER TABLE accounts RENAME COLUMN group_id TO category_id;
