-- Expressions in the spellings migrations use, against PostgreSQL's printing of them.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TYPE level AS ENUM ('low', 'mid', 'high');
CREATE TABLE exprs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    a integer NOT NULL DEFAULT 0,
    b integer DEFAULT (1 + 2) * 3,
    c numeric(8, 3) DEFAULT -0.5,
    d double precision DEFAULT 1e3,
    x text DEFAULT ('a' || 'b'),
    y varchar(20) DEFAULT upper('x'),
    z char(3) DEFAULT 'abc',
    lvl level DEFAULT 'mid'::level,
    day date DEFAULT CURRENT_DATE,
    stamp timestamp DEFAULT LOCALTIMESTAMP,
    later timestamptz DEFAULT (now() + interval '30 days'),
    utc timestamp DEFAULT (now() AT TIME ZONE 'utc'),
    utc2 timestamp DEFAULT timezone('utc', now()),
    who name DEFAULT current_user,
    tags text[] DEFAULT ARRAY[]::text[],
    nums int[] DEFAULT '{1,2}',
    data jsonb DEFAULT '{"a": 1}',
    built jsonb DEFAULT jsonb_build_object('a', 1, 'b', 'two'),
    newline text DEFAULT E'line\nbreak',
    dollar text DEFAULT $$it's$$,
    flag boolean DEFAULT false,
    bits bit(3) DEFAULT B'101',
    r int4range,
    full_name text GENERATED ALWAYS AS (coalesce(x, '') || ' ' || coalesce(y, '')) STORED,
    total integer GENERATED ALWAYS AS (a + coalesce(b, 0) * 2) STORED,
    CONSTRAINT e1 CHECK (length(x) <= 10),
    CONSTRAINT e2 CHECK (x ~* '^a'),
    CONSTRAINT e3 CHECK (char_length(y) BETWEEN 1 AND 5),
    CONSTRAINT e4 CHECK (flag IS NOT TRUE OR a > 0),
    CONSTRAINT e5 CHECK (b ISNULL OR b::bigint > 0),
    CONSTRAINT e6 CHECK (array_length(tags, 1) > 0 OR tags = '{}'),
    CONSTRAINT e7 CHECK (data ? 'a' AND data @> '{"a": 1}'),
    CONSTRAINT e8 CHECK (a % 2 = 0 AND -a <= 0 AND a ^ 2 >= 0),
    CONSTRAINT e9 CHECK ((a + coalesce(b, 0)) * 2 >= 0),
    CONSTRAINT e10 CHECK (NOT (a > 1000)),
    CONSTRAINT e11 CHECK (x = ANY (ARRAY['ab', 'cd'])),
    CONSTRAINT e12 CHECK (a >= 0 AND coalesce(b, 0) >= 0 AND c >= -1 AND d >= 0),
    CONSTRAINT e13 CHECK (nullif(x, '') IS NOT NULL),
    CONSTRAINT e14 CHECK (greatest(a, b) >= least(a, b)),
    CONSTRAINT e15 CHECK (lvl <> 'high' OR flag),
    CONSTRAINT e16 CHECK (lvl IN ('low', 'mid') OR a > 5),
    CONSTRAINT e17 CHECK (CASE lvl WHEN 'low' THEN a < 10 WHEN 'high' THEN a > 10 ELSE true END),
    CONSTRAINT e18 CHECK (data->>'a' IS NOT NULL AND (data->'a')::int > 0),
    CONSTRAINT e19 CHECK (z = 'abc' OR z LIKE 'a%'),
    CONSTRAINT e20 CHECK (stamp < '2100-01-01' AND day > date '2000-01-01'),
    CONSTRAINT e21 CHECK (later > now() - interval '1 year'),
    CONSTRAINT e22 CHECK (nums[1] > 0 AND cardinality(nums) < 10),
    CONSTRAINT e23 CHECK (y::text <> x),
    CONSTRAINT e24 EXCLUDE USING gist (a WITH =, r WITH &&)
);
CREATE INDEX exprs_lower_x ON exprs (lower(x));
CREATE INDEX exprs_concat ON exprs ((x || y));
CREATE INDEX exprs_pattern ON exprs (x text_pattern_ops);
CREATE INDEX exprs_desc ON exprs (a DESC NULLS LAST, b NULLS FIRST);
CREATE INDEX exprs_json ON exprs ((data->>'a'));
CREATE INDEX exprs_hash ON exprs USING hash (y);
CREATE INDEX exprs_brin ON exprs USING brin (stamp);
CREATE INDEX exprs_partial ON exprs (a) WHERE flag AND lvl <> 'low' AND x IS NOT NULL;
CREATE INDEX exprs_trunc ON exprs (date_trunc('day', stamp));
CREATE INDEX exprs_collate ON exprs (x COLLATE "C");
CREATE INDEX exprs_gin ON exprs USING gin (data jsonb_path_ops);
CREATE UNIQUE INDEX exprs_unique_lower ON exprs (lower(y)) WHERE y IS NOT NULL;
CREATE DOMAIN short_text AS text CHECK (char_length(VALUE) BETWEEN 1 AND 20) DEFAULT 'n/a';
CREATE DOMAIN pct AS numeric(5, 2) NOT NULL CHECK (VALUE >= 0 AND VALUE <= 100);
