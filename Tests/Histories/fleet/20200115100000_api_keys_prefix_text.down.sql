ALTER TABLE api_keys ALTER COLUMN prefix TYPE char(8) USING prefix::char(8);
