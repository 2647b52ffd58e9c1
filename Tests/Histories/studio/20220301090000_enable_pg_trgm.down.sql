-- DropExtension
DROP EXTENSION IF EXISTS "pg_trgm";
