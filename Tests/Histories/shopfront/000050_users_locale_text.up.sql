ALTER TABLE users ALTER COLUMN locale TYPE text USING replace(locale, '_', '-');
