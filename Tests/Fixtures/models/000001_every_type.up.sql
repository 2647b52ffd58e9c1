-- Every PostgreSQL type the generator maps, nullable and not, arrays, domains, a composite type,
-- and enum labels that are not Swift identifiers.
CREATE TYPE "Order Status" AS ENUM ('new', 'in progress', 'done', '2nd try', 'default', 'DONE', 'Done!');
CREATE DOMAIN positive_int AS integer NOT NULL CHECK (VALUE > 0);
CREATE DOMAIN maybe_text AS text;
CREATE TYPE address AS (street text, city text, zip char(5), "default" text);

CREATE TABLE every_types (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    small smallint NOT NULL,
    small_serial smallserial,
    normal integer NOT NULL DEFAULT 0,
    big bigint,
    big_serial bigserial,
    real_value real,
    double_value double precision,
    amount numeric(30, 10),
    flag boolean NOT NULL,
    label text NOT NULL,
    code varchar(10),
    fixed char(3),
    name_value name,
    uid uuid NOT NULL DEFAULT gen_random_uuid(),
    raw bytea,
    at timestamptz NOT NULL DEFAULT now(),
    local_at timestamp,
    day date,
    at_time time,
    span interval,
    doc json,
    data jsonb NOT NULL DEFAULT '{}',
    tags text[] NOT NULL DEFAULT '{}',
    grid integer[][],
    uids uuid[],
    ip inet,
    net cidr,
    mac macaddr,
    search tsvector,
    cash money,
    x xml,
    status "Order Status" NOT NULL DEFAULT 'new',
    statuses "Order Status"[],
    quantity positive_int,
    note maybe_text,
    home address,
    doubled bigint GENERATED ALWAYS AS (normal * 2) STORED
);

COMMENT ON TABLE every_types IS 'One column of every mapped type.
A second line, with `backticks` and "quotes".';
COMMENT ON COLUMN every_types.amount IS 'Thirty digits, ten after the point.';
