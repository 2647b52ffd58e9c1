ALTER TABLE api_keys ALTER COLUMN prefix TYPE text USING trim(prefix);
