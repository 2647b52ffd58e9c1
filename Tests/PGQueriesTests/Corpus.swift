/// Queries over the saas schema with their expected result columns and parameters, each written
/// from PostgreSQL's rules (operator and function result types, outer-join nullability), not
/// copied from the analyser's output. `AnalyzerTests` checks the analyser against them offline;
/// `QueryOracleTests` checks the types against PostgreSQL's own `Describe`.
///
/// Lines: `name type [NOT NULL]` per result column, then `$n name type [NULL]` per parameter.
import Testing

struct CorpusCase: Sendable, CustomTestStringConvertible {
    var sql: String
    var expected: [String]
    var testDescription: String { sql }

    init(_ sql: String, _ expected: [String]) {
        self.sql = sql
        self.expected = expected
    }
}

let corpus: [CorpusCase] = [
    // Plain columns, aliases, stars.
    .init("SELECT id, name FROM saas_clients", ["id uuid NOT NULL", "name character varying NOT NULL"]),
    .init("SELECT c.slug AS handle FROM saas_clients AS c", ["handle character varying NOT NULL"]),
    .init("SELECT phone, deleted_at FROM saas_clients", ["phone character varying", "deleted_at timestamp with time zone"]),
    .init("SELECT cr.* FROM saas_credits cr WHERE cr.id = $1", [
        "id uuid NOT NULL", "client_id uuid NOT NULL", "period_start date NOT NULL", "period_end date NOT NULL",
        "credits_granted numeric NOT NULL", "credits_purchased numeric NOT NULL", "credits_used numeric NOT NULL",
        "messages_count integer NOT NULL", "ai_tokens_used bigint NOT NULL", "closed_at timestamp with time zone",
        "created_at timestamp with time zone NOT NULL", "updated_at timestamp with time zone NOT NULL", "$1 id uuid",
    ]),
    .init("SELECT t.id, t.amount FROM saas_credit_transactions t WHERE t.amount > @min", ["id bigint NOT NULL", "amount numeric NOT NULL", "$1 min numeric"]),
    // Joins and nullability.
    .init("SELECT c.name, m.body FROM saas_clients c JOIN saas_messages m ON m.client_id = c.id", ["name character varying NOT NULL", "body text NOT NULL"]),
    .init("SELECT c.name, m.body FROM saas_clients c LEFT JOIN saas_messages m ON m.client_id = c.id", ["name character varying NOT NULL", "body text"]),
    .init("SELECT c.name, m.body FROM saas_messages m RIGHT JOIN saas_clients c ON m.client_id = c.id", ["name character varying NOT NULL", "body text"]),
    .init("SELECT c.name, m.body FROM saas_clients c FULL JOIN saas_messages m ON m.client_id = c.id", ["name character varying", "body text"]),
    .init("SELECT c.phone, m.body, m.ai_model FROM saas_clients c LEFT JOIN saas_messages m ON m.client_id = c.id WHERE c.phone IS NOT NULL AND m.ai_model LIKE 'gpt%'", [
        "phone character varying NOT NULL", "body text NOT NULL", "ai_model character varying NOT NULL",
    ]),
    .init("SELECT client_id, cv.status, m.sender FROM saas_conversations cv JOIN saas_messages m USING (client_id)", [
        "client_id uuid NOT NULL", "status saas_conversation_status NOT NULL", "sender saas_message_sender NOT NULL",
    ]),
    .init("SELECT c.name, cv.customer_phone, m.body FROM saas_clients c LEFT JOIN saas_conversations cv ON cv.client_id = c.id LEFT JOIN saas_messages m ON m.conversation_id = cv.id", [
        "name character varying NOT NULL", "customer_phone character varying", "body text",
    ]),
    .init("SELECT c.name, x.n FROM saas_clients c CROSS JOIN LATERAL (SELECT count(*) AS n FROM saas_messages m WHERE m.client_id = c.id) x", [
        "name character varying NOT NULL", "n bigint NOT NULL",
    ]),
    .init("SELECT c.name, last.body FROM saas_clients c LEFT JOIN LATERAL (SELECT body FROM saas_messages m WHERE m.client_id = c.id ORDER BY sent_at DESC LIMIT 1) last ON true", [
        "name character varying NOT NULL", "body text",
    ]),
    // Aggregates.
    .init("SELECT count(*) FROM saas_clients", ["count bigint NOT NULL"]),
    .init("SELECT count(phone) AS phones, count(DISTINCT business_category) AS categories FROM saas_clients", ["phones bigint NOT NULL", "categories bigint NOT NULL"]),
    .init("SELECT sum(monthly_message_quota) AS total FROM saas_clients", ["total bigint"]),
    .init("SELECT sum(ai_tokens_used) AS total FROM saas_credits", ["total numeric"]),
    .init("SELECT sum(credits_used) AS used, avg(credits_used) AS mean FROM saas_credits", ["used numeric", "mean numeric"]),
    .init("SELECT avg(messages_count) AS mean, avg(ai_confidence) AS confidence FROM saas_credits, saas_messages", ["mean numeric", "confidence double precision"]),
    .init("SELECT min(name) AS first, max(created_at) AS last FROM saas_clients", ["first text", "last timestamp with time zone"]),
    .init("SELECT max(subscription_plan) AS top FROM saas_clients", ["top saas_subscription_plan"]),
    .init("SELECT sum(ai_confidence) AS s FROM saas_messages", ["s real"]),
    .init("SELECT client_id, count(*) AS messages, max(sent_at) AS last_sent FROM saas_messages GROUP BY client_id HAVING count(*) > @at_least", [
        "client_id uuid NOT NULL", "messages bigint NOT NULL", "last_sent timestamp with time zone NOT NULL", "$1 at_least bigint",
    ]),
    .init("SELECT array_agg(slug ORDER BY slug) AS slugs, string_agg(name, ', ') AS names FROM saas_clients", ["slugs character varying[]", "names text"]),
    .init("SELECT json_agg(name) AS j, jsonb_agg(slug) AS jb, bool_and(is_active) AS all_active FROM saas_clients", ["j json", "jb jsonb", "all_active boolean"]),
    .init("SELECT jsonb_object_agg(slug, monthly_message_quota) AS quotas FROM saas_clients", ["quotas jsonb"]),
    .init("SELECT count(*) FILTER (WHERE is_active) AS active FROM saas_clients", ["active bigint NOT NULL"]),
    .init("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ai_latency_ms) AS median FROM saas_messages", ["median double precision"]),
    // Windows.
    .init("SELECT id, row_number() OVER (ORDER BY created_at) AS n, rank() OVER (PARTITION BY subscription_plan ORDER BY created_at) AS r FROM saas_clients", [
        "id uuid NOT NULL", "n bigint NOT NULL", "r bigint NOT NULL",
    ]),
    .init("SELECT lag(name) OVER w AS previous, lead(created_at, 2) OVER w AS later, ntile(4) OVER w AS quartile FROM saas_clients WINDOW w AS (ORDER BY created_at)", [
        "previous character varying", "later timestamp with time zone", "quartile integer NOT NULL",
    ]),
    .init("SELECT sum(amount) OVER (ORDER BY created_at) AS running, percent_rank() OVER (ORDER BY amount) AS pr FROM saas_credit_transactions", [
        "running numeric", "pr double precision NOT NULL",
    ]),
    .init("SELECT first_value(name) OVER (ORDER BY created_at) AS first FROM saas_clients", ["first character varying NOT NULL"]),
    // Expressions and operators.
    .init("SELECT monthly_message_quota + 1 AS a, monthly_message_quota * 2.5 AS b, monthly_message_quota / 3 AS c FROM saas_clients", [
        "a integer NOT NULL", "b numeric NOT NULL", "c integer NOT NULL",
    ]),
    .init("SELECT ai_tokens_used + messages_count AS a, credits_used - credits_granted AS b, ai_tokens_used % 7 AS c FROM saas_credits", [
        "a bigint NOT NULL", "b numeric NOT NULL", "c bigint NOT NULL",
    ]),
    .init("SELECT ai_confidence * 2 AS a, ai_confidence + 0.5 AS b, ai_latency_ms + ai_confidence AS c FROM saas_messages", [
        "a double precision", "b double precision", "c double precision",
    ]),
    .init("SELECT name || ' <' || email || '>' AS contact, upper(slug) AS u, length(name) AS len FROM saas_clients", [
        "contact text NOT NULL", "u text NOT NULL", "len integer NOT NULL",
    ]),
    .init("SELECT lower(phone) AS p, coalesce(phone, email) AS reach, coalesce(phone, 'none') AS p2 FROM saas_clients", [
        "p text", "reach character varying NOT NULL", "p2 character varying NOT NULL",
    ]),
    .init("SELECT nullif(phone, '') AS p, greatest(trial_ends_at, created_at) AS g FROM saas_clients", ["p text", "g timestamp with time zone NOT NULL"]),
    .init("SELECT now() AS t, current_date AS d, now() - created_at AS age, created_at + interval '30 days' AS later FROM saas_clients", [
        "t timestamp with time zone NOT NULL", "d date NOT NULL", "age interval NOT NULL", "later timestamp with time zone NOT NULL",
    ]),
    .init("SELECT date_trunc('month', created_at) AS month, extract(year FROM created_at) AS year, date_part('dow', created_at) AS dow FROM saas_clients", [
        "month timestamp with time zone NOT NULL", "year numeric NOT NULL", "dow double precision NOT NULL",
    ]),
    .init("SELECT period_end - period_start AS days, period_start + 7 AS week_later, period_start + interval '1 day' AS ts FROM saas_credits", [
        "days integer NOT NULL", "week_later date NOT NULL", "ts timestamp without time zone NOT NULL",
    ]),
    .init("SELECT created_at::date AS day, created_at AT TIME ZONE 'Asia/Jakarta' AS local, to_char(created_at, 'YYYY-MM') AS ym FROM saas_clients", [
        "day date NOT NULL", "local timestamp without time zone NOT NULL", "ym text NOT NULL",
    ]),
    .init("SELECT CASE WHEN is_active THEN 'active' ELSE 'suspended' END AS state FROM saas_clients", ["state text NOT NULL"]),
    .init("SELECT CASE subscription_status WHEN 'active' THEN monthly_message_quota END AS quota FROM saas_clients", ["quota integer"]),
    .init("SELECT CASE WHEN phone IS NULL THEN email ELSE phone END AS reach FROM saas_clients", ["reach character varying"]),
    .init("SELECT CAST(monthly_message_quota AS bigint) AS q, monthly_message_quota::numeric(10,2) AS n, id::text AS t FROM saas_clients", [
        "q bigint NOT NULL", "n numeric NOT NULL", "t text NOT NULL",
    ]),
    .init("SELECT phone IS NULL AS no_phone, name = 'x' AS is_x, created_at < now() AS past, slug LIKE 'a%' AS a FROM saas_clients", [
        "no_phone boolean NOT NULL", "is_x boolean NOT NULL", "past boolean NOT NULL", "a boolean NOT NULL",
    ]),
    .init("SELECT trial_ends_at > now() AS in_trial, phone ~ '^\\+62' AS indonesian FROM saas_clients", ["in_trial boolean", "indonesian boolean"]),
    .init("SELECT EXISTS (SELECT 1 FROM saas_messages m WHERE m.client_id = c.id) AS has_messages FROM saas_clients c", ["has_messages boolean NOT NULL"]),
    .init("SELECT (SELECT count(*) FROM saas_messages m WHERE m.client_id = c.id) AS messages, (SELECT max(sent_at) FROM saas_messages m WHERE m.client_id = c.id) AS last FROM saas_clients c", [
        "messages bigint NOT NULL", "last timestamp with time zone",
    ]),
    .init("SELECT (SELECT body FROM saas_messages m WHERE m.client_id = c.id LIMIT 1) AS body FROM saas_clients c", ["body text"]),
    .init("SELECT ARRAY(SELECT slug FROM saas_clients) AS slugs, ARRAY[1, 2, 3] AS nums", ["slugs character varying[] NOT NULL", "nums integer[] NOT NULL"]),
    .init("SELECT tags[1] AS first_tag, cardinality(tags) AS n, array_length(tags, 1) AS len, array_to_string(tags, ',') AS joined FROM saas_knowledge_base", [
        "first_tag text", "n integer NOT NULL", "len integer", "joined text NOT NULL",
    ]),
    .init("SELECT array_append(tags, 'new') AS more, 'x' = ANY(tags) AS has_x, tags @> ARRAY['a'] AS has_a, tags && @some::text[] AS overlap FROM saas_knowledge_base", [
        "more text[] NOT NULL", "has_x boolean", "has_a boolean NOT NULL", "overlap boolean NOT NULL", "$1 some text[]",
    ]),
    // JSON.
    .init("SELECT settings -> 'hours' AS hours, settings ->> 'greeting' AS greeting, settings #>> '{ai,tone}' AS tone, settings @> '{\"x\":1}' AS has FROM saas_clients", [
        "hours jsonb", "greeting text", "tone text", "has boolean NOT NULL",
    ]),
    .init("SELECT jsonb_build_object('id', id, 'title', title) AS obj, to_jsonb(tags) AS t, jsonb_typeof(content) AS kind FROM saas_knowledge_base", [
        "obj jsonb NOT NULL", "t jsonb NOT NULL", "kind text NOT NULL",
    ]),
    .init("SELECT content ? 'price' AS priced, (content ->> 'price')::numeric AS price, rich_content -> 0 AS first FROM saas_knowledge_base", [
        "priced boolean NOT NULL", "price numeric", "first jsonb",
    ]),
    // Text search.
    .init("SELECT id, ts_rank(search_vector, plainto_tsquery('indonesian', @q)) AS rank FROM saas_knowledge_base WHERE search_vector @@ plainto_tsquery('indonesian', @q)", [
        "id uuid NOT NULL", "rank real", "$1 q text",
    ]),
    .init("SELECT to_tsvector('simple', title) AS v FROM saas_knowledge_base", ["v tsvector NOT NULL"]),
    // Parameters from their context.
    .init("SELECT id FROM saas_clients WHERE slug = $1 AND subscription_status = $2 AND created_at >= $3", [
        "id uuid NOT NULL", "$1 slug text", "$2 subscription_status saas_subscription_status", "$3 created_at timestamp with time zone",
    ]),
    .init("SELECT id FROM saas_clients WHERE name IN (@a, @b) ORDER BY name LIMIT @lim OFFSET @off", [
        "id uuid NOT NULL", "$1 a character varying", "$2 b character varying", "$3 lim bigint", "$4 off bigint",
    ]),
    .init("SELECT id FROM saas_clients WHERE id = ANY(@ids) AND monthly_message_quota BETWEEN @low AND @high", [
        "id uuid NOT NULL", "$1 ids uuid[]", "$2 low integer", "$3 high integer",
    ]),
    .init("SELECT id FROM saas_clients WHERE id IN (sqlc.slice(ids)) AND email ILIKE sqlc.arg(pattern)", ["id uuid NOT NULL", "$1 ids uuid[]", "$2 pattern text"]),
    .init("SELECT id FROM saas_clients WHERE (sqlc.narg(plan)::saas_subscription_plan IS NULL OR subscription_plan = sqlc.narg(plan))", [
        "id uuid NOT NULL", "$1 plan saas_subscription_plan NULL",
    ]),
    .init("SELECT @n::integer + 1 AS next, date_trunc('day', @at::timestamptz) AS day", ["next integer NOT NULL", "day timestamp with time zone NOT NULL", "$1 n integer", "$2 at timestamp with time zone"]),
    .init("SELECT id FROM saas_messages WHERE sent_at > now() - @window::interval AND ai_confidence < @threshold", [
        "id uuid NOT NULL", "$1 window interval", "$2 threshold real",
    ]),
    .init("SELECT id FROM saas_credit_transactions WHERE created_at::date = @day AND abs(amount) >= @min", ["id bigint NOT NULL", "$1 day date", "$2 min numeric"]),
    // CTEs, set operations, subqueries in FROM.
    .init("WITH recent AS (SELECT client_id, count(*) AS n FROM saas_messages WHERE sent_at > now() - interval '7 days' GROUP BY client_id) SELECT c.name, r.n FROM saas_clients c JOIN recent r ON r.client_id = c.id", [
        "name character varying NOT NULL", "n bigint NOT NULL",
    ]),
    .init("WITH RECURSIVE days(d) AS (SELECT @start::date UNION ALL SELECT d + 1 FROM days WHERE d < @finish::date) SELECT d FROM days", [
        "d date NOT NULL", "$1 start date", "$2 finish date",
    ]),
    .init("WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i, i * 2 AS twice FROM n", ["i integer NOT NULL", "twice integer NOT NULL"]),
    .init("SELECT name FROM saas_clients UNION SELECT customer_name FROM saas_conversations", ["name character varying"]),
    .init("SELECT id, 'client' AS kind FROM saas_clients UNION ALL SELECT id, 'conversation' FROM saas_conversations", ["id uuid NOT NULL", "kind text NOT NULL"]),
    .init("SELECT monthly_message_quota AS n FROM saas_clients UNION ALL SELECT ai_tokens_used FROM saas_credits", ["n bigint NOT NULL"]),
    .init("SELECT messages_count AS n FROM saas_credits UNION SELECT 1.5 ORDER BY n", ["n numeric NOT NULL"]),
    .init("SELECT slug FROM saas_clients INTERSECT SELECT slug FROM saas_clients WHERE is_active EXCEPT SELECT 'x'", ["slug character varying NOT NULL"]),
    .init("SELECT s.plan, s.n FROM (SELECT subscription_plan AS plan, count(*) AS n FROM saas_clients GROUP BY 1) s WHERE s.n > 1", [
        "plan saas_subscription_plan NOT NULL", "n bigint NOT NULL",
    ]),
    .init("SELECT x.a, x.b FROM (VALUES (1, 'one'), (2, 'two')) AS x(a, b)", ["a integer NOT NULL", "b text NOT NULL"]),
    .init("SELECT t.tag, count(*) AS n FROM saas_knowledge_base kb, unnest(kb.tags) AS t(tag) GROUP BY t.tag", ["tag text", "n bigint NOT NULL"]),
    .init("SELECT g AS day FROM generate_series(1, 7) AS g", ["day integer NOT NULL"]),
    .init("SELECT d.client_id, d.n FROM (SELECT client_id, count(*) AS n FROM saas_messages GROUP BY client_id ORDER BY n DESC LIMIT @top) d", [
        "client_id uuid NOT NULL", "n bigint NOT NULL", "$1 top bigint",
    ]),
    .init("SELECT id FROM saas_clients c WHERE NOT EXISTS (SELECT 1 FROM saas_credits cr WHERE cr.client_id = c.id AND cr.closed_at IS NULL)", ["id uuid NOT NULL"]),
    .init("SELECT id FROM saas_clients WHERE id IN (SELECT client_id FROM saas_messages WHERE sent_at > @since)", ["id uuid NOT NULL", "$1 since timestamp with time zone"]),
    // INSERT, UPDATE, DELETE.
    .init("INSERT INTO saas_knowledge_base (client_id, entry_type, title, tags) VALUES (@client_id, @entry_type, @title, @tags) RETURNING id, created_at", [
        "id uuid NOT NULL", "created_at timestamp with time zone NOT NULL",
        "$1 client_id uuid", "$2 entry_type saas_knowledge_entry_type", "$3 title character varying", "$4 tags text[]",
    ]),
    // What WHERE does not require: `NOT IN (subquery)` and `op ALL` are true over no rows, NULL
    // or not; `x NOT BETWEEN a AND b` is `x < a OR x > b`, so one bound may be NULL.
    .init("SELECT name, phone FROM saas_clients WHERE phone NOT IN (SELECT customer_phone FROM saas_conversations WHERE customer_name = 'nobody')", [
        "name character varying NOT NULL", "phone character varying",
    ]),
    .init("SELECT name, phone FROM saas_clients WHERE phone <> ALL (SELECT customer_phone FROM saas_conversations WHERE customer_name = 'nobody')", [
        "name character varying NOT NULL", "phone character varying",
    ]),
    .init("SELECT name, phone FROM saas_clients WHERE phone <> ALL (@phones::varchar[])", [
        "name character varying NOT NULL", "phone character varying", "$1 phones character varying[]",
    ]),
    .init("SELECT name, trial_ends_at FROM saas_clients WHERE created_at NOT BETWEEN trial_ends_at AND now() - interval '1 year'", [
        "name character varying NOT NULL", "trial_ends_at timestamp with time zone",
    ]),
    .init("SELECT name, phone FROM saas_clients WHERE phone = ANY (@phones::varchar[]) AND trial_ends_at BETWEEN now() AND now() + interval '1 week'", [
        "name character varying NOT NULL", "phone character varying NOT NULL", "$1 phones character varying[]",
    ]),
    // An explicit frame can be empty (the next row of the last row), and so can a named window's:
    // first_value and last_value are NULL there; with the default frame they are not.
    .init("SELECT name, first_value(name) OVER (ORDER BY created_at ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS next_name, last_value(name) OVER w AS previous_name, first_value(name) OVER (ORDER BY created_at) AS first_name FROM saas_clients WINDOW w AS (ORDER BY created_at ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING)", [
        "name character varying NOT NULL", "next_name character varying", "previous_name character varying", "first_name character varying NOT NULL",
    ]),
    // A jsonpath whose result is not a boolean makes @@ NULL; @? is NULL where its errors are suppressed.
    .init("SELECT settings @@ '$.hours.open' AS matches, settings @? 'strict $.missing' AS has FROM saas_clients", [
        "matches boolean", "has boolean",
    ]),
    // The subtotal rows of ROLLUP, CUBE and GROUPING SETS hold NULL where they aggregate over a
    // column, WHERE or not; a column grouped plainly beside them keeps NOT NULL.
    .init("SELECT sender, direction, count(*) AS n FROM saas_messages WHERE sender IS NOT NULL GROUP BY ROLLUP (sender, direction)", [
        "sender saas_message_sender", "direction saas_message_direction", "n bigint NOT NULL",
    ]),
    .init("SELECT client_id, sender, direction, count(*) AS n FROM saas_messages GROUP BY client_id, CUBE ((sender, direction))", [
        "client_id uuid NOT NULL", "sender saas_message_sender", "direction saas_message_direction", "n bigint NOT NULL",
    ]),
    .init("SELECT date_trunc('day', sent_at) AS day, sender, count(*) AS n FROM saas_messages GROUP BY GROUPING SETS ((date_trunc('day', sent_at), sender), (sender), ())", [
        "day timestamp with time zone", "sender saas_message_sender", "n bigint NOT NULL",
    ]),
    // Rows compared field by field: keyset pagination, a row IN a subquery.
    .init("SELECT id, sent_at, (sent_at, id) < ($1, $2) AS before FROM saas_messages WHERE (sent_at, id) < ($1, $2) ORDER BY sent_at DESC, id DESC LIMIT 20", [
        "id uuid NOT NULL", "sent_at timestamp with time zone NOT NULL", "before boolean NOT NULL", "$1 sent_at timestamp with time zone", "$2 id uuid",
    ]),
    .init("SELECT id FROM saas_conversations WHERE (client_id, id) IN (SELECT client_id, conversation_id FROM saas_messages WHERE sender = 'ai') AND (status, client_id) <> ('closed', @client_id)", [
        "id uuid NOT NULL", "$1 client_id uuid",
    ]),
    // unnest of several arrays side by side (the bulk-insert idiom): NULL where one is shorter.
    .init("SELECT u.q, u.p, u.n FROM unnest(@qs::int[], @ps::numeric[]) WITH ORDINALITY AS u(q, p, n)", [
        "q integer", "p numeric", "n bigint NOT NULL", "$1 qs integer[]", "$2 ps numeric[]",
    ]),
    .init("SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a'])", ["unnest integer", "unnest text"]),
    .init("UPDATE saas_credits c SET credits_used = u.used FROM unnest(@ids::uuid[], @used::numeric[]) AS u(id, used) WHERE c.id = u.id RETURNING c.id, u.used", [
        "id uuid NOT NULL", "used numeric", "$1 ids uuid[]", "$2 used numeric[]",
    ]),
    // PostgreSQL types OFFSET before LIMIT: the page size is an integer from the multiplication.
    .init("SELECT id FROM saas_clients ORDER BY id LIMIT @page_size OFFSET (@page - 1) * @page_size", [
        "id uuid NOT NULL", "$1 page_size integer", "$2 page integer",
    ]),
    // A recursive query whose NULL moves from column to column one level at a time.
    .init("WITH RECURSIVE r(n, a, b) AS (SELECT 1, id, id FROM saas_clients UNION ALL SELECT r.n + 1, r.b, NULL::uuid FROM r WHERE r.n < 3) SELECT n, a, b FROM r", [
        "n integer NOT NULL", "a uuid", "b uuid",
    ]),
    // System columns: whether an upsert inserted (xmax = 0), a row's physical place and table.
    .init("INSERT INTO saas_clients (name, slug, email) VALUES (@name, @slug, @email) ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id, (xmax = 0) AS inserted", [
        "id uuid NOT NULL", "inserted boolean NOT NULL", "$1 name character varying", "$2 slug character varying", "$3 email character varying",
    ]),
    .init("SELECT c.ctid, tableoid, c.id FROM saas_clients c WHERE c.xmin <> 0", [
        "ctid tid NOT NULL", "tableoid oid NOT NULL", "id uuid NOT NULL",
    ]),
    // On the nullable side of an outer join a row may be missing, its system columns NULL.
    .init("SELECT c.xmin, cv.xmin AS cv_xmin, cv.ctid FROM saas_clients c LEFT JOIN saas_conversations cv ON cv.client_id = c.id", [
        "xmin xid NOT NULL", "cv_xmin xid", "ctid tid",
    ]),
    // Several columns set from one sub-query's row.
    .init("UPDATE saas_credits c SET (credits_used, messages_count) = (SELECT coalesce(sum(-t.amount), 0), count(*)::int FROM saas_credit_transactions t WHERE t.credit_id = c.id AND t.transaction_type = 'usage'), updated_at = now() WHERE c.id = @id RETURNING c.credits_used, c.messages_count", [
        "credits_used numeric NOT NULL", "messages_count integer NOT NULL", "$1 id uuid",
    ]),
    // An array casts implicitly as its elements do: numeric[] to double precision[].
    .init("SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ai_latency_ms) AS latencies FROM saas_messages", [
        "latencies double precision[]",
    ]),
    // A record-returning function in FROM with its columns defined there.
    .init("SELECT x.sku, x.qty FROM jsonb_to_recordset(@items::jsonb) AS x(sku text, qty int)", [
        "sku text", "qty integer", "$1 items jsonb",
    ]),
    .init("SELECT k.title, r.note FROM saas_knowledge_base k CROSS JOIN LATERAL jsonb_to_record(k.content) AS r(note varchar(200), price numeric) WHERE r.price > 0", [
        "title character varying NOT NULL", "note character varying",
    ]),
    // A row per member of a JSON object; grouping() beside ROLLUP; regexp_like.
    .init("SELECT c.id, s.key, s.value, t.value AS raw FROM saas_clients c, jsonb_each_text(c.settings) AS s, jsonb_each(c.settings) t WHERE s.key = t.key", [
        "id uuid NOT NULL", "key text NOT NULL", "value text", "raw jsonb NOT NULL",
    ]),
    .init("SELECT sender, grouping(sender) AS total_row, count(*) AS n FROM saas_messages WHERE regexp_like(body, '^Halo', 'i') GROUP BY ROLLUP (sender)", [
        "sender saas_message_sender", "total_row integer NOT NULL", "n bigint NOT NULL",
    ]),
    // ROLLUP by an output name, a position, or a USING column: still the column's subtotal rows.
    .init("SELECT sender AS who, direction, count(*) AS n FROM saas_messages GROUP BY ROLLUP (who, 2)", [
        "who saas_message_sender", "direction saas_message_direction", "n bigint NOT NULL",
    ]),
    .init("SELECT client_id, count(*) AS n FROM saas_messages JOIN saas_conversations USING (client_id) GROUP BY CUBE (client_id)", [
        "client_id uuid", "n bigint NOT NULL",
    ]),
    .init("SELECT sku, jsonb_to_recordset.qty FROM jsonb_to_recordset(@items::jsonb) AS (sku text, qty int)", ["sku text", "qty integer", "$1 items jsonb"]),
    // OVERLAPS: PostgreSQL's overlaps() of the two pairs (dates taken as timestamptz); NULL only
    // from a NULL end.
    .init("SELECT cr.id, (cr.period_start, cr.period_end) OVERLAPS (cr.created_at, cr.updated_at) AS overlapping, (cr.created_at, cr.closed_at) OVERLAPS (now(), interval '1 day') FROM saas_credits cr", [
        "id uuid NOT NULL", "overlapping boolean NOT NULL", "overlaps boolean",
    ]),
    // A row IN a list of rows: each field meets the values in its place.
    .init("SELECT id, (client_id, direction) IN ((@c1, @d1), (@c2, 'inbound')) AS picked FROM saas_messages WHERE (client_id, sender) IN ((@c1, @s1), (@c2, 'customer'))", [
        "id uuid NOT NULL", "picked boolean NOT NULL", "$1 c1 uuid", "$2 d1 saas_message_direction", "$3 c2 uuid", "$4 s1 saas_message_sender",
    ]),
    // A row against a one-row subquery, field by field; NULL when it finds no row.
    .init("SELECT id, (client_id, sender) = (SELECT client_id, 'ai'::saas_message_sender FROM saas_conversations WHERE id = @conversation) AS same FROM saas_messages WHERE (conversation_id, client_id) = (SELECT id, client_id FROM saas_conversations WHERE id = @conversation)", [
        "id uuid NOT NULL", "same boolean", "$1 conversation uuid",
    ]),
    // Window frame offsets: a bigint for ROWS and GROUPS, an interval for a RANGE over times.
    .init("SELECT id, count(*) OVER (ORDER BY sent_at ROWS BETWEEN @back::int PRECEDING AND @ahead FOLLOWING) AS near, count(*) OVER (ORDER BY sent_at RANGE BETWEEN @span PRECEDING AND CURRENT ROW) AS recent, count(*) OVER w AS earlier FROM saas_messages WINDOW w AS (ORDER BY sent_at GROUPS @k PRECEDING EXCLUDE CURRENT ROW)", [
        "id uuid NOT NULL", "near bigint NOT NULL", "recent bigint NOT NULL", "earlier bigint NOT NULL",
        "$1 back integer", "$2 ahead bigint", "$3 span interval", "$4 k bigint",
    ]),
    // WHERE narrowing: NOT (x IS NULL); every field of (x, y) IS NOT NULL and of a row `=`;
    // the first field of a row `>`.
    .init("SELECT c.name, m.body, m.ai_model FROM saas_clients c LEFT JOIN saas_messages m ON m.client_id = c.id WHERE NOT (m.ai_model IS NULL)", [
        "name character varying NOT NULL", "body text NOT NULL", "ai_model character varying NOT NULL",
    ]),
    .init("SELECT phone, business_category FROM saas_clients WHERE (phone, business_category) IS NOT NULL", [
        "phone character varying NOT NULL", "business_category character varying NOT NULL",
    ]),
    .init("SELECT ai_model, ai_confidence, ai_prompt_tokens FROM saas_messages WHERE (ai_model, ai_confidence) = ('gpt', 0.9) AND (ai_latency_ms, ai_prompt_tokens) > (100, 5)", [
        "ai_model character varying NOT NULL", "ai_confidence real NOT NULL", "ai_prompt_tokens integer",
    ]),
    // Aggregates per group (GROUP BY, every group has a row): NOT NULL over NOT NULL values,
    // arrays always; not over NULLable values, with FILTER, beside ROLLUP, or stddev (one row).
    .init("SELECT client_id, sum(amount) AS total, max(created_at) AS last, array_agg(description) AS notes, string_agg(description, ', ') AS joined, sum(amount) FILTER (WHERE amount > 0) AS earned, stddev(amount) AS spread FROM saas_credit_transactions GROUP BY client_id", [
        "client_id uuid NOT NULL", "total numeric NOT NULL", "last timestamp with time zone NOT NULL", "notes text[] NOT NULL",
        "joined text", "earned numeric", "spread numeric",
    ]),
    .init("SELECT client_id, sum(amount) AS total FROM saas_credit_transactions GROUP BY ROLLUP (client_id)", ["client_id uuid", "total numeric"]),
    .init("SELECT sum(amount) AS total, (SELECT max(sent_at) FROM saas_messages) AS latest FROM saas_credit_transactions GROUP BY client_id", [
        "total numeric NOT NULL", "latest timestamp with time zone",
    ]),
    // A row IN rows is an OR of row equalities: each parameter takes the type its own `=` gives.
    .init("SELECT id FROM saas_messages WHERE (ai_prompt_tokens, ai_model) IN ((@p1, @m1), (@p2::bigint, 'gpt'))", [
        "id uuid NOT NULL", "$1 p1 integer", "$2 m1 text", "$3 p2 bigint",
    ]),
    // RANGE offsets: what the ordering column's in_range takes (double precision for real); a
    // window named in OVER (w …) orders as w; interval literals with fields.
    .init("SELECT count(*) OVER (ORDER BY ai_confidence RANGE BETWEEN @c PRECEDING AND CURRENT ROW) AS near, count(*) OVER (w RANGE BETWEEN @n PRECEDING AND CURRENT ROW) AS fast, count(*) OVER (ORDER BY sent_at RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) AS today, interval '1-2' year to month AS span FROM saas_messages WINDOW w AS (ORDER BY ai_latency_ms)", [
        "near bigint NOT NULL", "fast bigint NOT NULL", "today bigint NOT NULL", "span interval NOT NULL", "$1 c double precision", "$2 n integer",
    ]),
    // lag and lead with a default: NULL only from a NULL value, offset or default.
    .init("SELECT sent_at, lag(sent_at, 1, sent_at) OVER (ORDER BY sent_at) AS previous, lead(ai_model, 1, 'none') OVER (ORDER BY sent_at) AS next_model FROM saas_messages", [
        "sent_at timestamp with time zone NOT NULL", "previous timestamp with time zone NOT NULL", "next_model character varying",
    ]),
    .init("INSERT INTO saas_conversations (client_id, customer_phone, customer_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id", [
        "id uuid NOT NULL", "$1 client_id uuid", "$2 customer_phone character varying", "$3 customer_name character varying NULL",
    ]),
    .init("INSERT INTO saas_credits (client_id, period_start, period_end) VALUES (@client_id, @start, @finish) ON CONFLICT (client_id, period_start) DO UPDATE SET period_end = EXCLUDED.period_end, updated_at = now() RETURNING id, period_end", [
        "id uuid NOT NULL", "period_end date NOT NULL", "$1 client_id uuid", "$2 start date", "$3 finish date",
    ]),
    .init("UPDATE saas_conversations SET status = @status, closed_at = sqlc.narg(closed_at) WHERE id = @id RETURNING id, status, closed_at", [
        "id uuid NOT NULL", "status saas_conversation_status NOT NULL", "closed_at timestamp with time zone",
        "$1 status saas_conversation_status", "$2 closed_at timestamp with time zone NULL", "$3 id uuid",
    ]),
    .init("UPDATE saas_credits cr SET credits_used = cr.credits_used + t.total FROM (SELECT credit_id, sum(-amount) AS total FROM saas_credit_transactions WHERE transaction_type = 'usage' GROUP BY credit_id) t WHERE t.credit_id = cr.id RETURNING cr.id, t.total", [
        "id uuid NOT NULL", "total numeric NOT NULL",
    ]),
    .init("DELETE FROM saas_messages m USING saas_conversations cv WHERE m.conversation_id = cv.id AND cv.status = 'closed' AND cv.closed_at < @before RETURNING m.id", [
        "id uuid NOT NULL", "$1 before timestamp with time zone",
    ]),
    .init("DELETE FROM saas_knowledge_base WHERE client_id = @client_id RETURNING *", [
        "id uuid NOT NULL", "client_id uuid NOT NULL", "entry_type saas_knowledge_entry_type NOT NULL", "title character varying NOT NULL",
        "content jsonb NOT NULL", "rich_content jsonb", "plain_text text NOT NULL", "tags text[] NOT NULL", "language character varying NOT NULL",
        "is_published boolean NOT NULL", "sort_order integer NOT NULL", "search_vector tsvector", "created_at timestamp with time zone NOT NULL",
        "updated_at timestamp with time zone NOT NULL", "$1 client_id uuid",
    ]),
    .init("WITH moved AS (UPDATE saas_conversations SET status = 'closed' WHERE status = 'resolved' RETURNING id, client_id) SELECT client_id, count(*) AS closed FROM moved GROUP BY client_id", [
        "client_id uuid NOT NULL", "closed bigint NOT NULL",
    ]),
    .init("INSERT INTO saas_credit_transactions (credit_id, client_id, transaction_type, amount, balance_after) SELECT id, client_id, 'grant', credits_granted, credits_granted FROM saas_credits WHERE id = @credit_id RETURNING id", [
        "id bigint NOT NULL", "$1 credit_id uuid",
    ]),
]
