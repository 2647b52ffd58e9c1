-- Columns named like generated or protocol members, keywords, and names equal after camel-casing.
CREATE TABLE members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "default" text DEFAULT 'keyword with a default',
    "class" text,
    "pgValues" text,
    "hashValue" integer,
    "tableName" text,
    "columnNames" text,
    "primaryKey" text,
    "schemaName" text,
    "SQL" text,
    "Draft" text,
    "CodingKeys" text,
    "self" text,
    "init" text,
    "rawValue" text,
    "stringValue" text,
    "values" text DEFAULT 'v',
    "value" text DEFAULT 'w',
    "row" text,
    "db" text,
    "update" text,
    "upsert" text,
    "Type" text,
    user_id integer,
    "userId" integer,
    "userID" integer,
    "select" text,
    "from" text,
    "with space" text,
    "a""b" text,
    "back\slash" text,
    "*/" text,
    "\(x)" text,
    """""""" text,
    "🎉" text,
    "é" text,
    "2fa" text,
    "_" text,
    -- The names a draft's written-out Codable members use for their locals.
    "container" text,
    "decoder" text,
    "encoder" text
);

-- A column called id that is not the key; the key a text.
CREATE TABLE tokens (token text PRIMARY KEY, id integer NOT NULL, "db" text UNIQUE, "limit" integer);

-- Helpers that would get the same Swift signature.
CREATE TABLE dup_keys (
    code text PRIMARY KEY,
    a integer,
    b integer,
    a_b integer,
    parent text REFERENCES dup_keys (code),
    CONSTRAINT code_again UNIQUE (code),
    UNIQUE (a, b),
    UNIQUE (a_b),
    UNIQUE (parent)
);
CREATE UNIQUE INDEX dup_keys_a_b_again ON dup_keys (a, b);
CREATE UNIQUE INDEX dup_keys_a_b_third ON dup_keys (a, b);
ALTER TABLE dup_keys ADD CONSTRAINT dup_keys_parent_fkey2 FOREIGN KEY (parent) REFERENCES dup_keys (code);

-- Nothing to write, or nothing at all.
CREATE TABLE nothing ();
CREATE TABLE only_generated (g integer GENERATED ALWAYS AS (1) STORED);
CREATE TABLE only_identity (id integer GENERATED ALWAYS AS IDENTITY);
CREATE TABLE only_identity_key (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
CREATE TABLE dropped_all (a integer);
ALTER TABLE dropped_all DROP COLUMN a;

-- Added later, so PostgreSQL keeps them as constraints of their own beside the key and the first ones.
ALTER TABLE dup_keys ADD CONSTRAINT code_unique_again UNIQUE (code);
ALTER TABLE dup_keys ADD CONSTRAINT a_b_unique_again UNIQUE (a, b);

-- A name in decomposed form (e + combining acute): Swift would call it equal to "café"; PostgreSQL does not.
CREATE TABLE decomposed (id integer PRIMARY KEY, U&"cafe\0301" text);
