ALTER TABLE users ALTER COLUMN locale TYPE varchar(40) USING locale::varchar(40);
