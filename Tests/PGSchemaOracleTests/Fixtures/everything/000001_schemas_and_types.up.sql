-- Schemas, extensions, enums, composite types and domains.
CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA IF NOT EXISTS app;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE mood AS ENUM ('sad', 'ok');
ALTER TYPE mood ADD VALUE 'happy';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh';
ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';
ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
CREATE TYPE app.status AS ENUM ('new', 'in progress', 'done', '2nd try');
CREATE TYPE old_name AS ENUM ('x');
ALTER TYPE old_name RENAME TO new_name;
CREATE TYPE throwaway AS ENUM ('a');
DROP TYPE throwaway;
DROP TYPE IF EXISTS never_was;

CREATE TYPE address AS (street text, city varchar(100), zip char(5));
ALTER TYPE address ADD ATTRIBUTE country text;

CREATE DOMAIN email AS citext NOT NULL CHECK (VALUE ~ '@');
CREATE DOMAIN positive_int integer DEFAULT 1 CONSTRAINT positive_int_check CHECK (VALUE > 0);
ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_small CHECK (VALUE < 1000000);
CREATE DOMAIN tmp_domain text;
DROP DOMAIN tmp_domain;

COMMENT ON TYPE mood IS 'How it feels';
COMMENT ON DOMAIN email IS 'An e-mail address';
COMMENT ON TYPE address IS 'A postal address';
