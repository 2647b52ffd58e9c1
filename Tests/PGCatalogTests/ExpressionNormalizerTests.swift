import PGCatalog
import Testing

/// Expressions as migrations write them against the same expressions as PostgreSQL prints them
/// back (`pg_get_expr`, `pg_get_constraintdef`), taken from a PostgreSQL 15 catalog.
@Suite struct ExpressionNormalizerTests {
    @Test(arguments: [
        ("'{a}'", "'{a}'::text[]"),
        ("'{}'", "'{}'::uuid[]"),
        ("'active'", "'active'::status"),
        ("'{}'::jsonb", "'{}'::jsonb"),
        ("'Asia/Jakarta'", "'Asia/Jakarta'::character varying"),
        ("current_timestamp", "CURRENT_TIMESTAMP"),
        ("now()", "now()"),
        ("gen_random_uuid()", "gen_random_uuid()"),
        ("TRUE", "true"),
        ("nextval('t_id_seq')", "nextval('t_id_seq'::regclass)"),
        ("nextval('public.T_id_seq'::regclass)", "nextval('t_id_seq'::regclass)"),
        ("nextval('\"Weird Table_ID_seq\"'::regclass)", "nextval('\"Weird Table_ID_seq\"'::regclass)"),
        ("slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", "((slug)::text ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text)"),
        ("btrim(title) <> ''", "(btrim((title)::text) <> ''::text)"),
        ("ai_confidence IS NULL OR ai_confidence BETWEEN 0 AND 1",
         "((ai_confidence IS NULL) OR ((ai_confidence >= (0)::double precision) AND (ai_confidence <= (1)::double precision)))"),
        ("(transaction_type IN ('usage', 'expiry') AND amount < 0) OR transaction_type = 'adjustment'",
         "(((transaction_type = ANY (ARRAY['usage'::t, 'expiry'::t])) AND (amount < (0)::numeric)) OR (transaction_type = 'adjustment'::t))"),
        ("status NOT IN ('a', 'b')", "(status <> ALL (ARRAY['a'::text, 'b'::text]))"),
        ("-1", "'-1'::integer"),
        ("- 2.5", "'-2.5'::numeric"),
        ("'5'", "5"),
        ("a != b", "(a <> b)"),
        ("name LIKE 'a%'", "((name)::text ~~ 'a%'::text)"),
        ("name NOT ILIKE 'a%'", "((name)::text !~~* 'a%'::text)"),
        ("interval '1 day'", "'1 day'::interval"),
        ("CAST(x AS bigint)", "(x)::bigint"),
        ("x::timestamp(3) with time zone", "(x)::timestamp(3) with time zone"),
        ("coalesce(ai_prompt_tokens, 0) >= 0 AND coalesce(ai_completion_tokens, 0) >= 0",
         "((COALESCE(ai_prompt_tokens, 0) >= 0) AND (COALESCE(ai_completion_tokens, 0) >= 0))"),
        ("E'it\\'s'", "'it''s'::text"),
        ("CASE WHEN a > 0 THEN 'x' ELSE 'y' END", "CASE WHEN (a > 0) THEN 'x'::text ELSE 'y'::text END"),
        ("a + b * c", "(a + (b * c))"),
        ("a || b || c", "((a || b) || c)"),
        ("NOT a AND b", "((NOT a) AND b)"),
        ("x IS NOT DISTINCT FROM y", "(x IS NOT DISTINCT FROM y)"),
        ("setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(plain_text, '')), 'B')",
         "(setweight(to_tsvector('indonesian'::regconfig, (COALESCE(title, ''::character varying))::text), 'A'::\"char\") || setweight(to_tsvector('indonesian'::regconfig, COALESCE(plain_text, ''::text)), 'B'::\"char\"))"),
        ("VALUE ~ '@'", "(VALUE ~ '@'::citext)"),
        ("\"Display Name\" <> ''", "(\"Display Name\" <> ''::text)"),
        ("data->>'k' = 'v'", "((data ->> 'k'::text) = 'v'::text)"),
        ("tags @> ARRAY['a']", "(tags @> ARRAY['a'::text])"),
        ("x = ANY('{1,2}')", "(x = ANY ('{1,2}'::integer[]))"),
        // The rest as PostgreSQL 15's pg_get_constraintdef prints them.
        ("s IN ('x')", "(s = 'x'::text)"),
        ("s NOT IN ('y')", "(s <> 'y'::text)"),
        ("a IN (1, b)", "((a = 1) OR (a = b))"),
        ("a IN (1, 2, b)", "((a = ANY (ARRAY[1, 2])) OR (a = b))"),
        ("a IS NOT DISTINCT FROM b", "(NOT (a IS DISTINCT FROM b))"),
        ("a NOT BETWEEN 1 AND 5", "((a < 1) OR (a > 5))"),
        ("a BETWEEN SYMMETRIC 1 AND 2", "(((a >= 1) AND (a <= 2)) OR ((a >= 2) AND (a <= 1)))"),
        ("NOT s LIKE 'a%'", "(NOT (s ~~ 'a%'::text))"),
        ("s::varchar(3) = 'a'", "(((s)::character varying(3))::text = 'a'::text)"),
        ("s = lower(s) COLLATE \"C\"", "(s = (lower(s) COLLATE \"C\"))"),
        ("CASE WHEN a > 0 THEN true END", "CASE WHEN (a > 0) THEN true ELSE NULL::boolean END"),
        ("extract(YEAR from now()) > 2000", "(EXTRACT(year FROM now()) > (2000)::numeric)"),
    ])
    func sameExpressionInPostgreSQLsWords(model: String, database: String) throws {
        let left = try #require(ExpressionNormalizer.canonical(model), "not understood: \(model)")
        let right = try #require(ExpressionNormalizer.canonical(database), "not understood: \(database)")
        #expect(left == right)
    }

    @Test(arguments: [
        ("now()", "CURRENT_TIMESTAMP"),
        ("(a OR b) AND c", "(a OR (b AND c))"),
        ("a - b - c", "(a - (b - c))"),
        ("'a'", "'b'"),
        ("'A'", "'a'"),
        ("x > 0", "(x >= 0)"),
        ("\"Name\" <> ''", "(name <> ''::text)"),
        ("1", "'-1'::integer"),
        ("status IN ('a', 'b')", "(status = ANY (ARRAY['a'::text, 'c'::text]))"),
        ("lower(a)", "upper(a)"),
        ("x IS NULL", "(x IS NOT NULL)"),
        ("x BETWEEN 0 AND 1", "((x >= 0) AND (x <= 2))"),
        ("nextval('a_seq'::regclass)", "nextval('b_seq'::regclass)"),
        ("a IN (1, 2)", "((a = 1) OR (a = 2))"),
        ("a IS NOT DISTINCT FROM b", "(a IS DISTINCT FROM b)"),
        ("CASE WHEN a > 0 THEN 1 ELSE 0 END", "CASE WHEN (a > 0) THEN 1 END"),
    ])
    func differentExpressionsStayDifferent(model: String, database: String) throws {
        let left = try #require(ExpressionNormalizer.canonical(model))
        let right = try #require(ExpressionNormalizer.canonical(database))
        #expect(left != right)
        #expect(!ExpressionNormalizer.equivalent(model, database))
    }

    /// Constants compared by value, as PostgreSQL prints them after converting them to their type.
    @Test(arguments: [
        ("1e3", "'1000'::numeric"),
        ("2.5e-1", "0.25"),
        ("0.50", "'0.5'::double precision"),
        ("007", "7"),
        ("-0", "0"),
        (#"'{"b": 1, "a": [1, 2]}'"#, #"'{"a": [1, 2], "b": 1}'::jsonb"#),
        ("'{}'", "'{}'::jsonb"),
        (#"'{a, "b c"}'"#, #"'{a,"b c"}'::text[]"#),
        ("'{ 1, 2 }'", "'{1,2}'::integer[]"),
        (#"'{{1,2},{3,4}}'"#, "'{{1,2},{3,4}}'::integer[]"),
        ("interval '1 week'", "'7 days'::interval"),
        ("'90 minutes'::interval", "'01:30:00'::interval"),
        ("'1 year 2 months 3 days 4 hours'", "'1 year 2 mons 3 days 04:00:00'::interval"),
        ("'2100-01-01'", "'2100-01-01 00:00:00'::timestamp without time zone"),
        ("'2100-01-01T10:30'", "'2100-01-01 10:30:00+07'::timestamp with time zone"),
        ("'10:00'", "'10:00:00'::time without time zone"),
    ])
    func constantsByValue(model: String, database: String) throws {
        let left = try #require(ExpressionNormalizer.canonical(model))
        let right = try #require(ExpressionNormalizer.canonical(database))
        #expect(left == right)
    }

    @Test(arguments: [
        ("1e3", "'1001'::numeric"),
        ("0.5", "0.05"),
        (#"'{"a": 1}'"#, #"'{"a": 2}'::jsonb"#),
        ("'{a,b}'", "'{a,c}'::text[]"),
        ("'{1,2}'", "'{2,1}'::integer[]"),
        ("interval '1 week'", "'8 days'::interval"),
        ("interval '1 month'", "'30 days'::interval"),
        ("'2100-01-01'", "'2100-01-02'::date"),
        ("'2100-01-01 10:00'", "'2100-01-01 10:00:01'::timestamp without time zone"),
        ("'Asia/Jakarta'", "'Asia/Makassar'::character varying"),
    ])
    func differentConstantsStayDifferent(model: String, database: String) throws {
        let left = try #require(ExpressionNormalizer.canonical(model))
        let right = try #require(ExpressionNormalizer.canonical(database))
        #expect(left != right)
    }

    /// Outside the understood subset there is no canonical form; only presence can be compared.
    @Test func notUnderstoodFallsBackToPresence() {
        for expression in ["EXISTS (SELECT 1)", "POSITION('a' IN s)", "x IN (SELECT y FROM t)", "a SIMILAR TO 'b'", "count(DISTINCT x)", "a +", ""] {
            #expect(ExpressionNormalizer.canonical(expression) == nil, "\(expression)")
        }
        #expect(ExpressionNormalizer.equivalent("position('a' in s) > 0", "(POSITION(('a'::text) IN (s)) > 0)"))
    }

    @Test(arguments: [
        ("last_message_at DESC", "last_message_at DESC", true),
        ("seq DESC NULLS FIRST", "seq DESC", true),
        ("seq ASC NULLS LAST", "seq", true),
        ("seq DESC NULLS LAST", "seq DESC NULLS LAST", true),
        ("seq NULLS FIRST", "seq NULLS FIRST", true),
        ("(lower(email))", "lower((email)::text)", true),
        ("(balance * 2)", "(balance * (2)::numeric)", true),
        ("tags jsonb_path_ops", "tags jsonb_path_ops", true),
        ("\"Display Name\"", "\"Display Name\"", true),
        ("seq DESC", "seq", false),
        ("seq DESC NULLS LAST", "seq DESC", false),
        ("tags jsonb_path_ops", "tags", false),
        ("lower(email)", "upper((email)::text)", false),
        ("\"Display Name\"", "display_name", false),
    ])
    func indexElements(model: String, database: String, equal: Bool) throws {
        let left = try #require(ExpressionNormalizer.canonicalIndexElement(model))
        let right = try #require(ExpressionNormalizer.canonicalIndexElement(database))
        #expect((left == right) == equal, "\(left) vs \(right)")
    }

    @Test func splitsListsAtTopLevelCommas() {
        #expect(ExpressionNormalizer.splitTopLevel("a, lower(b, c), 'x,y', \"p,q\" DESC, (d)") == ["a", "lower(b, c)", "'x,y'", "\"p,q\" DESC", "(d)"])
    }
}
