-- The rename in 000029 kept every name PostgreSQL had chosen for account_groups.
ALTER INDEX account_groups_pkey RENAME TO account_categories_pkey;
ALTER TABLE account_categories RENAME CONSTRAINT account_groups_name_key TO account_categories_name_key;
ALTER SEQUENCE account_groups_id_seq RENAME TO account_categories_id_seq;
ALTER TABLE accounts RENAME CONSTRAINT accounts_group_id_fkey TO accounts_category_id_fkey;
