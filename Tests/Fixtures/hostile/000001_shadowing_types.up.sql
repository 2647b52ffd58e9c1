-- Tables, enums and composite types whose Swift names would shadow the standard library,
-- Foundation, PGRecord or the generated code's own nested types.
CREATE TYPE equatable AS ENUM ('a-b', 'a_b', 'A B', '', ' ', '-', '1st', '2nd try', 'default', 'self', 'rawValue',
    'Type', 'init', 'é', '🎉', 'x"y', 'back\slash', '\(x)', '"""', '*/', 'select');
CREATE TYPE json_value AS (street text, "default" text, "self" text, "pgBind" text);

CREATE TABLE string (id serial PRIMARY KEY, "default" text DEFAULT 'd', value text);
CREATE TABLE data (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), "self" text, "Type" text, kind equatable);
CREATE TABLE "uuid" (id bigserial PRIMARY KEY, note text);
CREATE TABLE "bool" (id integer PRIMARY KEY, flag boolean NOT NULL DEFAULT false);
CREATE TABLE "int" (id integer PRIMARY KEY, n integer);
CREATE TABLE "self" (id integer PRIMARY KEY, "Self" text);
CREATE TABLE "any" (id integer PRIMARY KEY, "Any" text);
CREATE TABLE sendable (id integer PRIMARY KEY, x text);
CREATE TABLE codable (id integer PRIMARY KEY, x text);
CREATE TABLE hashable (id integer PRIMARY KEY, x text);
CREATE TABLE identifiable (id integer PRIMARY KEY, x text);
CREATE TABLE json_values (id integer PRIMARY KEY, doc jsonb, home json_value);
CREATE TABLE coding_keys (id integer PRIMARY KEY, x text);
CREATE TABLE "sql" (id integer PRIMARY KEY, x text);
CREATE TABLE dates (id integer PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE "decimal" (id integer PRIMARY KEY, amount numeric(10, 2));
CREATE TABLE drafts (id integer PRIMARY KEY, x text);
CREATE TABLE columns (id integer PRIMARY KEY, x text);
CREATE TABLE pg_rows (id integer PRIMARY KEY, x text);
CREATE TABLE "PGRow" (id integer PRIMARY KEY, x text);
CREATE TABLE "PGInsertable" (id integer PRIMARY KEY, x text);
CREATE TABLE "PGSelectable" (id integer PRIMARY KEY, x text);
CREATE TABLE "PGDraft" (id integer PRIMARY KEY, x text);
CREATE TABLE hostile (id integer PRIMARY KEY, x text);
CREATE TABLE hostile_models (id integer PRIMARY KEY, x text);
-- Collide after singularising and camel-casing.
CREATE TABLE "user" (id integer PRIMARY KEY, name text);
CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE "User" (id integer PRIMARY KEY, name text);
