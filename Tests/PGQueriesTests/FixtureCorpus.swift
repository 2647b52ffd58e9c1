/// Queries over the fixture schema of every mapped type (Tests/Fixtures/models): domains (described
/// as their base type), a quoted enum name, a composite type's fields, char(n), name, money, inet,
/// arrays of enums, quoted column names, a self-referencing table for recursive CTEs.
let fixtureCorpus: [CorpusCase] = [
    .init("SELECT quantity, note, fixed, name_value, cash, ip FROM every_types", [
        "quantity integer NOT NULL", "note text", "fixed character", "name_value name", "cash money", "ip inet",
    ]),
    .init("SELECT status, statuses, statuses[1] AS first FROM every_types WHERE status = @status", [
        "status \"Order Status\" NOT NULL", "statuses \"Order Status\"[]", "first \"Order Status\"", "$1 status \"Order Status\"",
    ]),
    .init("SELECT (home).city AS city, (home).zip AS zip FROM every_types WHERE (home).street = @street", [
        "city text", "zip character", "$1 street text",
    ]),
    .init("SELECT id FROM every_types WHERE quantity = @q AND note = @n AND fixed = @f", [
        "id bigint NOT NULL", "$1 q integer", "$2 n text", "$3 f character",
    ]),
    .init("SELECT quantity + 1 AS q1, normal * big AS product, small + small AS s2, small * 2 AS s3 FROM every_types", [
        "q1 integer NOT NULL", "product bigint", "s2 smallint NOT NULL", "s3 integer NOT NULL",
    ]),
    .init("SELECT real_value * double_value AS rd, amount * 2 AS a2, amount / big AS ab, -amount AS negative FROM every_types", [
        "rd double precision", "a2 numeric", "ab numeric", "negative numeric",
    ]),
    .init("SELECT sum(small) AS s, sum(big) AS b, sum(real_value) AS r, sum(double_value) AS d, avg(small) AS a, sum(span) AS total_span FROM every_types", [
        "s bigint", "b numeric", "r real", "d double precision", "a numeric", "total_span interval",
    ]),
    .init("SELECT min(day) AS first_day, max(local_at) AS last_local, max(at_time) AS latest, min(fixed) AS f, max(code) AS c FROM every_types", [
        "first_day date", "last_local timestamp without time zone", "latest time without time zone", "f character", "c text",
    ]),
    .init("SELECT local_at - interval '1 hour' AS earlier, day - 1 AS yesterday, at_time + interval '1 minute' AS later, local_at - local_at AS zero FROM every_types", [
        "earlier timestamp without time zone", "yesterday date", "later time without time zone", "zero interval",
    ]),
    .init("SELECT doc -> 'a' AS a, doc ->> 'b' AS b, data -> 'c' AS c, data #> '{d,e}' AS de FROM every_types", [
        "a json", "b text", "c jsonb", "de jsonb",
    ]),
    .init("SELECT code || fixed AS cf, label || 1 AS l1, upper(code) AS uc, length(fixed) AS lf FROM every_types", [
        "cf text", "l1 text NOT NULL", "uc text", "lf integer",
    ]),
    .init("SELECT coalesce(code, label) AS c, coalesce(big, normal) AS bn, coalesce(amount, 0) AS a FROM every_types", [
        "c character varying NOT NULL", "bn bigint NOT NULL", "a numeric NOT NULL",
    ]),
    .init("SELECT CASE WHEN flag THEN small ELSE big END AS n, CASE WHEN flag THEN 1 ELSE 2.5 END AS m FROM every_types", [
        "n bigint", "m numeric NOT NULL",
    ]),
    .init("SELECT grid, grid[1][1] AS corner, uids, array_length(uids, 1) AS n FROM every_types", [
        "grid integer[]", "corner integer", "uids uuid[]", "n integer",
    ]),
    .init("SELECT id FROM every_types WHERE uid = ANY(@uids) AND tags && @tags AND @tag = ANY(tags)", [
        "id bigint NOT NULL", "$1 uids uuid[]", "$2 tags text[]", "$3 tag text",
    ]),
    .init("SELECT search @@ to_tsquery('simple', @q) AS hit FROM every_types", ["hit boolean", "$1 q text"]),
    .init("SELECT raw, length(raw) AS n, encode(raw, 'hex') AS hex FROM every_types WHERE raw = @raw", [
        "raw bytea NOT NULL", "n integer NOT NULL", "hex text NOT NULL", "$1 raw bytea",
    ]),
    .init("SELECT doubled, doubled / 2 AS half FROM every_types WHERE doubled > @min", ["doubled bigint NOT NULL", "half bigint NOT NULL", "$1 min bigint"]),
    .init("SELECT \"ID\", \"default\", \"class\", \"JSONData\" ->> 'x' AS x FROM \"Awkward Names\" WHERE \"HTTPStatus\" = @status", [
        "ID uuid NOT NULL", "default text", "class integer", "x text", "$1 status integer",
    ]),
    .init("SELECT a.* FROM \"Awkward Names\" a WHERE a.\"ID\" = $1", [
        "ID uuid NOT NULL", "default text", "class integer", "self text", "Type text", "in text", "api_url text", "2fa_code text",
        "HTTPStatus integer", "JSONData jsonb", "$1 ID uuid",
    ]),
    .init("WITH RECURSIVE tree AS (SELECT id, parent_id, 1 AS depth FROM categories WHERE id = @root UNION ALL SELECT c.id, c.parent_id, t.depth + 1 FROM categories c JOIN tree t ON c.parent_id = t.id) SELECT id, parent_id, depth FROM tree", [
        "id integer NOT NULL", "parent_id integer", "depth integer NOT NULL", "$1 root integer",
    ]),
    .init("SELECT c.id, p.id AS parent FROM categories c LEFT JOIN categories p ON p.id = c.parent_id", ["id integer NOT NULL", "parent integer"]),
    .init("SELECT a, b, a + b AS s FROM no_key NATURAL JOIN no_key AS other", ["a integer NOT NULL", "b integer NOT NULL", "s integer NOT NULL"]),
    .init("SELECT a FROM no_key UNION SELECT b FROM no_key INTERSECT SELECT 1", ["a integer"]),
    .init("SELECT person_id, nickname FROM people FULL JOIN addresses ON addresses.line = people.nickname", ["person_id uuid", "nickname text"]),
    .init("SELECT count(*) AS n, count(DISTINCT nickname) AS names FROM people", ["n bigint NOT NULL", "names bigint NOT NULL"]),
    .init("INSERT INTO people (person_id, nickname) VALUES (@id, @nickname) ON CONFLICT (person_id) DO UPDATE SET nickname = EXCLUDED.nickname RETURNING *", [
        "person_id uuid NOT NULL", "nickname text", "$1 id uuid", "$2 nickname text NULL",
    ]),
    .init("INSERT INTO addresses (line) SELECT nickname FROM people WHERE person_id = @person RETURNING id", ["id bigint NOT NULL", "$1 person uuid"]),
    .init("UPDATE every_types SET amount = amount * @factor, label = @label, status = 'done' WHERE id = @id RETURNING id, amount, status", [
        "id bigint NOT NULL", "amount numeric", "status \"Order Status\" NOT NULL", "$1 factor numeric", "$2 label text", "$3 id bigint",
    ]),
    .init("INSERT INTO every_types (small, flag, label, quantity, note) VALUES (@small, @flag, @label, @quantity, @note) RETURNING id, quantity", [
        "id bigint NOT NULL", "quantity integer NOT NULL", "$1 small smallint", "$2 flag boolean", "$3 label text", "$4 quantity positive_int",
        "$5 note maybe_text NULL",
    ]),
    .init("DELETE FROM categories WHERE parent_id IS NULL AND id <> ALL(@keep) RETURNING id", ["id integer NOT NULL", "$1 keep integer[]"]),
    .init("SELECT at AT TIME ZONE 'UTC' AS utc, local_at AT TIME ZONE 'UTC' AS zoned FROM every_types", [
        "utc timestamp without time zone NOT NULL", "zoned timestamp with time zone",
    ]),
    .init("SELECT extract(epoch FROM span) AS seconds, date_trunc('hour', local_at) AS hour, to_char(amount, '999.99') AS text FROM every_types", [
        "seconds numeric", "hour timestamp without time zone", "text text",
    ]),
    .init("SELECT string_agg(label, ',' ORDER BY id) AS labels, array_agg(status) AS statuses, jsonb_agg(data) AS datas FROM every_types", [
        "labels text", "statuses \"Order Status\"[]", "datas jsonb",
    ]),
    .init("SELECT lag(amount, 1, 0) OVER (ORDER BY id) AS previous, dense_rank() OVER (ORDER BY status) AS r, cume_dist() OVER (ORDER BY id) AS c FROM every_types", [
        "previous numeric", "r bigint NOT NULL", "c double precision NOT NULL",
    ]),
    .init("SELECT greatest(small, normal, big) AS g, least(real_value, 1) AS l FROM every_types", ["g bigint NOT NULL", "l real NOT NULL"]),
    // A row of the outer-joined side that WHERE requires has its NOT NULL domains' values too.
    .init("SELECT e.id, o.quantity FROM every_types e LEFT JOIN every_types o ON o.id = e.id + 1 WHERE o.label = 'x'", [
        "id bigint NOT NULL", "quantity integer NOT NULL",
    ]),
]
