-- Names that need care in Swift: keywords, capitals and spaces, acronyms, leading digits,
-- plurals, and a table whose key is not called id.
CREATE TABLE "Awkward Names" (
    "ID" uuid PRIMARY KEY,
    "default" text,
    "class" integer,
    "self" text,
    "Type" text,
    "in" text,
    "api_url" text,
    "2fa_code" text,
    "HTTPStatus" integer,
    "JSONData" jsonb
);
CREATE TABLE categories (id serial PRIMARY KEY, parent_id integer REFERENCES categories);
CREATE TABLE people (person_id uuid PRIMARY KEY, nickname text);
CREATE TABLE addresses (id bigserial PRIMARY KEY, line text);
CREATE TABLE no_key (a integer, b integer);
