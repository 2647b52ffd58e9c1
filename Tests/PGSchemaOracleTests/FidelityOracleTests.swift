import Foundation
import PGCatalog
import PGClient
import PGMigrate
import PGSchema
import PGTestSupport
import Testing

/// The habits of real migration histories, each applied to PostgreSQL with `migrate up` and
/// folded: the catalog must say what the model says (names PostgreSQL chose included), and a
/// later migration that uses those names must fold without error.
@Suite struct FidelityOracleTests {
    /// Writes `files` (name → SQL) into a temporary module, applies it, folds it, compares.
    func compare(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let path = NSTemporaryDirectory() + "pg-fidelity-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        let folded = SchemaLoader.load(migrations: path)
        let errors = folded.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))", sourceLocation: sourceLocation)
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let migrator = Migrator(
                connection: db, directory: try MigrationDirectory(path: path), options: MigratorOptions(lockDatabaseName: config.urlPath)
            )
            try migrator.up()
            // The comparison of `pg-codegen verify`: names, columns, types, defaults, expressions.
            expectNoDifferences(try Verifier.verify(migrations: path, source: ConnectionCatalog(db)), sourceLocation: sourceLocation)
        }
    }

    @Test func redundantIndexConstraintsAreMergedWithinOneStatement() throws {
        try compare([
            "000001_keys.up.sql": """
                CREATE TABLE a (id uuid PRIMARY KEY UNIQUE, x int, y int, UNIQUE (x, y), UNIQUE (x, y), CONSTRAINT a_yx UNIQUE (y, x));
                CREATE TABLE b (a int, b int, UNIQUE (a, b), PRIMARY KEY (a, b));
                CREATE TABLE c (id int CONSTRAINT c_named UNIQUE PRIMARY KEY, code text UNIQUE CONSTRAINT c_code_named UNIQUE);
                CREATE TABLE d (id int);
                -- Separate actions of one ALTER TABLE are not merged: d keeps d_pkey and d_k_key.
                ALTER TABLE d ADD COLUMN k int UNIQUE, ADD PRIMARY KEY (k);
                ALTER TABLE d ADD UNIQUE (id), ADD UNIQUE (id);
                CREATE TABLE f (id int);
                ALTER TABLE f ADD COLUMN m int PRIMARY KEY UNIQUE;
                """,
            "000002_later_unique.up.sql": """
                ALTER TABLE b ADD UNIQUE (a, b);
                CREATE TABLE e (b_a int, b_b int, FOREIGN KEY (b_a, b_b) REFERENCES b (a, b));
                -- The names PostgreSQL kept are the ones a later migration uses.
                ALTER TABLE b DROP CONSTRAINT b_a_b_key;
                ALTER TABLE c DROP CONSTRAINT c_code_named;
                """,
        ])
    }

    @Test func defaultNullStoresADefaultOnlyWhenItNeedsACoercion() throws {
        try compare([
            "000001_defaults.up.sql": """
                CREATE TYPE mood AS ENUM ('ok', 'sad');
                CREATE DOMAIN short_text AS varchar(5);
                CREATE DOMAIN nothing AS text DEFAULT NULL;
                CREATE DOMAIN padded AS varchar(5) DEFAULT NULL;
                CREATE TABLE users (
                    id serial PRIMARY KEY,
                    reset_token text DEFAULT NULL,
                    cast_token text DEFAULT NULL::text,
                    nullable_token text NULL DEFAULT NULL,
                    parenthesised text DEFAULT (NULL),
                    standard_cast text DEFAULT CAST(NULL AS text),
                    limited varchar(40) DEFAULT NULL,
                    unlimited varchar DEFAULT NULL,
                    price numeric(10,2) DEFAULT NULL,
                    plain_numeric numeric DEFAULT NULL,
                    wider integer DEFAULT NULL::bigint,
                    relabelled text DEFAULT NULL::varchar,
                    feeling mood DEFAULT NULL,
                    short short_text DEFAULT NULL,
                    letter char DEFAULT NULL,
                    stamp timestamp(3) DEFAULT NULL,
                    plain_stamp timestamptz DEFAULT NULL,
                    span interval(3) DEFAULT NULL,
                    tags text[] DEFAULT NULL,
                    codes varchar(10)[] DEFAULT NULL,
                    exact varchar(40) DEFAULT NULL::varchar(40)
                );
                ALTER TABLE users ADD COLUMN later text DEFAULT NULL, ADD COLUMN later_limited varchar(8) DEFAULT NULL;
                ALTER TABLE users ALTER COLUMN reset_token SET DEFAULT 'x';
                ALTER TABLE users ALTER COLUMN reset_token SET DEFAULT NULL;
                ALTER TABLE users ALTER COLUMN limited SET DEFAULT NULL;
                """,
        ])
    }

    @Test func namesPostgreSQLChoosesForIndexesAndConstraints() throws {
        let long = String(repeating: "very_long_table_name_", count: 3) + "orders"
        let column = String(repeating: "customer_reference_", count: 2) + "code"
        try compare([
            "000001_tables.up.sql": """
                CREATE TABLE t (a int, b int, email text, name text, meta jsonb, during tstzrange);
                CREATE TABLE t_id_seq (x int);
                CREATE TABLE numbered (id serial, other bigserial);
                CREATE TABLE \(long) (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \(column) text UNIQUE CHECK (\(column) <> ''));
                """,
            "000002_indexes.up.sql": """
                CREATE UNIQUE INDEX ON t (a);
                CREATE INDEX ON t (a);
                CREATE INDEX ON t (a);
                CREATE INDEX ON t (lower(email));
                CREATE INDEX ON t (lower(email), lower(name));
                CREATE INDEX ON t ((a + b));
                CREATE INDEX ON t (coalesce(a, 0), b DESC NULLS LAST);
                CREATE INDEX ON t ((email::text) text_pattern_ops);
                CREATE INDEX ON t USING gin ((meta -> 'tags'));
                CREATE INDEX ON t (pg_catalog.lower(name));
                CREATE INDEX ON \(long) (\(column));
                CREATE INDEX ON \(long) (lower(\(column)));
                CREATE EXTENSION IF NOT EXISTS btree_gist;
                ALTER TABLE t ADD EXCLUDE USING gist (b WITH =, during WITH &&);
                ALTER TABLE t ADD EXCLUDE USING gist (abs(b) WITH =, during WITH &&);
                """,
            "000003_use_the_names.up.sql": """
                DROP INDEX t_a_idx;
                DROP INDEX t_a_idx1;
                ALTER INDEX t_a_idx2 RENAME TO t_a_plain;
                DROP INDEX t_lower_idx;
                DROP INDEX t_lower_lower1_idx;
                DROP INDEX t_expr_idx;
                DROP INDEX t_coalesce_b_idx;
                DROP INDEX t_email_idx;
                DROP INDEX t_expr_idx1;
                DROP INDEX t_lower_idx1;
                ALTER TABLE t DROP CONSTRAINT t_b_during_excl;
                ALTER TABLE t DROP CONSTRAINT t_abs_during_excl;
                CREATE TABLE t_id (x int);
                CREATE TABLE numbered_id_seq1 (x int);
                """,
        ])
    }

    @Test func cascadeDropsWhatDependsOnTheDroppedObject() throws {
        try compare([
            "000001_tables.up.sql": """
                CREATE TYPE status AS ENUM ('on', 'off');
                CREATE DOMAIN status_domain AS status;
                CREATE TABLE p (id int PRIMARY KEY, code text NOT NULL, ref int NOT NULL, state status_domain);
                CREATE UNIQUE INDEX p_code_idx ON p (code);
                ALTER TABLE p ADD CONSTRAINT p_ref_key UNIQUE (ref);
                ALTER TABLE p ADD CONSTRAINT p_id_again UNIQUE (id);
                CREATE TABLE c (p_id int REFERENCES p, p_code text REFERENCES p (code), p_ref int REFERENCES p (ref), own int);
                CREATE TABLE d (p_id int REFERENCES p (id), doubled int GENERATED ALWAYS AS (p_id * 2) STORED);
                CREATE VIEW p_codes AS SELECT code FROM p;
                CREATE VIEW p_codes_again AS SELECT * FROM p_codes;
                CREATE VIEW c_view AS SELECT own FROM c;
                """,
            "000002_drops.up.sql": """
                -- The foreign keys to p (id) depend on the primary key, created before p_id_again.
                ALTER TABLE p DROP CONSTRAINT p_id_again;
                ALTER TABLE p DROP CONSTRAINT p_pkey CASCADE;
                DROP INDEX p_code_idx CASCADE;
                ALTER TABLE p DROP COLUMN ref CASCADE;
                ALTER TABLE d DROP COLUMN p_id CASCADE;
                ALTER TABLE p DROP COLUMN code CASCADE;
                DROP TYPE status CASCADE;
                DROP TABLE c CASCADE;
                """,
            "000003_views_and_schemas.up.sql": """
                CREATE VIEW base_view AS SELECT id FROM p;
                CREATE VIEW on_view AS SELECT * FROM base_view;
                CREATE VIEW other AS SELECT 1 AS one;
                DROP VIEW base_view CASCADE;
                CREATE SCHEMA app;
                CREATE TYPE app.kind AS ENUM ('a');
                CREATE TABLE app.owners (id int PRIMARY KEY);
                CREATE TABLE pets (id int, owner int REFERENCES app.owners, kind app.kind);
                CREATE VIEW owners_view AS SELECT * FROM app.owners;
                DROP SCHEMA app CASCADE;
                """,
        ])
    }

    @Test func theMigrationsTableExistsBeforeTheFirstMigration() throws {
        try compare([
            "000001_note_data_version.up.sql": """
                ALTER TABLE schema_migrations ADD COLUMN data_version int;
                CREATE TABLE notes (id int PRIMARY KEY);
                """,
        ])
    }

    @Test func doBlocksWithGuardedDDLFoldAsTheyRun() throws {
        try compare([
            "000001_types.up.sql": """
                CREATE TABLE accounts (id int PRIMARY KEY);
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'plan') THEN
                        CREATE TYPE plan AS ENUM ('free', 'pro');
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'plan') THEN
                        ALTER TABLE accounts ADD COLUMN plan plan NOT NULL DEFAULT 'free';
                    END IF;
                END
                $$;
                """,
            "000002_again.up.sql": """
                DO $$ BEGIN CREATE TYPE plan AS ENUM ('x'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                DO $body$
                DECLARE
                    n integer;
                BEGIN
                    IF EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.relname = 'accounts') THEN
                        ALTER TABLE accounts ADD COLUMN IF NOT EXISTS seats integer DEFAULT NULL;
                    ELSE
                        CREATE TABLE never (id int);
                    END IF;
                    SELECT count(*) INTO n FROM accounts;
                END
                $body$ LANGUAGE plpgsql;
                """,
        ])
    }

    @Test func tablesMadeFromOtherTables() throws {
        try compare([
            "000001_base.up.sql": """
                CREATE TABLE base (
                    id bigserial PRIMARY KEY, name text NOT NULL DEFAULT '', code text, created_at timestamptz DEFAULT now(),
                    doubled bigint GENERATED ALWAYS AS (id * 2) STORED, CHECK (name <> 'x')
                );
                COMMENT ON COLUMN base.name IS 'The name';
                CREATE UNIQUE INDEX base_code_idx ON base (code);
                CREATE INDEX ON base (lower(name));
                CREATE TABLE base_archive (LIKE base INCLUDING ALL);
                CREATE TABLE base_copy (note text, LIKE base EXCLUDING INDEXES, extra int);
                CREATE TABLE base_defaults (LIKE base INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
                CREATE TABLE child (name text NOT NULL DEFAULT 'child', age int) INHERITS (base);
                CREATE TABLE summary AS SELECT id, name FROM base;
                /* pg-codegen:assume
                CREATE TABLE summary (id bigint, name text);
                */
                """,
            "000002_swap_keys.up.sql": """
                -- The zero-downtime way to change a key: build the index first, then make it the constraint.
                CREATE UNIQUE INDEX base_code_name_idx ON base (code, name);
                ALTER TABLE base ADD CONSTRAINT base_code_name_key UNIQUE USING INDEX base_code_name_idx;
                ALTER TABLE base ADD UNIQUE USING INDEX base_code_idx;
                CREATE TABLE refs (code text REFERENCES base (code));
                ALTER TABLE refs ALTER CONSTRAINT refs_code_fkey DEFERRABLE;
                ALTER TABLE base DROP CONSTRAINT base_code_idx CASCADE;
                """,
            "000003_partitions.up.sql": """
                CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE INDEX ON events (kind);
                CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
                CREATE TABLE events_2021 (id bigint NOT NULL, at date NOT NULL, kind text);
                CREATE INDEX events_2021_kind ON events_2021 (kind);
                ALTER TABLE events ATTACH PARTITION events_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
                ALTER TABLE events ADD COLUMN source text, ADD CONSTRAINT events_kind_check CHECK (kind <> '');
                CREATE INDEX ON events (source);
                ALTER TABLE events DETACH PARTITION events_2020;
                CREATE TABLE events_default PARTITION OF events DEFAULT;
                """,
        ])
    }

    /// ALTER TABLE on a parent reaches the tables that inherit from it (and theirs), unless ONLY:
    /// added, renamed, retyped and dropped columns, NOT NULL and defaults. A child's own column of
    /// the same name is merged on ADD and stays on DROP.
    @Test func inheritingTablesFollowTheirParents() throws {
        try compare([
            "000001_base.up.sql": """
                CREATE TABLE base (id bigserial PRIMARY KEY, name text NOT NULL, note text);
                CREATE TABLE child (extra int, note text) INHERITS (base);
                CREATE TABLE grandchild () INHERITS (child);
                CREATE TABLE other_parent (flag boolean);
                CREATE TABLE twin () INHERITS (base, other_parent);
                CREATE TABLE other_parent_codes (code text PRIMARY KEY);
                """,
            "000002_changes.up.sql": """
                ALTER TABLE base ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
                ALTER TABLE base RENAME COLUMN name TO title;
                ALTER TABLE base ALTER COLUMN title TYPE varchar(200), ALTER COLUMN title SET DEFAULT 'untitled';
                ALTER TABLE base DROP COLUMN note;
                ALTER TABLE ONLY base ALTER COLUMN title SET DEFAULT 'only the parent';
                ALTER TABLE child ADD COLUMN shared int;
                ALTER TABLE base ADD COLUMN shared int;
                ALTER TABLE base DROP COLUMN shared;
                ALTER TABLE base ALTER COLUMN created_at DROP NOT NULL;
                ALTER TABLE base RENAME TO items;
                ALTER TABLE items ADD COLUMN archived boolean NOT NULL DEFAULT false;
                ALTER TABLE items ADD COLUMN code text UNIQUE REFERENCES other_parent_codes (code) CHECK (code <> '');
                ALTER TABLE other_parent ADD COLUMN rank int;
                """,
        ])
        // A table reached by two paths, parents added and removed later, a column two parents
        // pass on, a column the parent alone dropped, a serial added to a parent.
        try compare([
            "000001_tables.up.sql": """
                CREATE TABLE top (id int, a int);
                CREATE TABLE l () INHERITS (top);
                CREATE TABLE r () INHERITS (top);
                CREATE TABLE g () INHERITS (l, r);
                CREATE TABLE p (id int, a int);
                CREATE TABLE detached () INHERITS (p);
                CREATE TABLE adopted (id int, a int);
                CREATE TABLE p1 (id int, x int NOT NULL);
                CREATE TABLE p2 (x int, y text);
                CREATE TABLE both_parents (z int) INHERITS (p1, p2);
                CREATE TABLE q (id int, a int);
                CREATE TABLE q_child () INHERITS (q);
                """,
            "000002_changes.up.sql": """
                ALTER TABLE top RENAME COLUMN a TO b;
                ALTER TABLE top ALTER COLUMN b TYPE bigint;
                ALTER TABLE top ADD COLUMN c text NOT NULL DEFAULT 'q', ADD COLUMN s serial;
                ALTER TABLE top ALTER COLUMN b SET NOT NULL, ADD CONSTRAINT top_b_positive CHECK (b > 0);
                ALTER TABLE top DROP COLUMN c;
                ALTER TABLE detached NO INHERIT p;
                ALTER TABLE adopted INHERIT p;
                ALTER TABLE p RENAME COLUMN a TO b;
                ALTER TABLE p ADD COLUMN x int;
                ALTER TABLE p1 DROP COLUMN x;
                ALTER TABLE ONLY q DROP COLUMN a;
                ALTER TABLE q ADD COLUMN a int;
                ALTER TABLE q DROP COLUMN a;
                """,
        ])
        // Dropping a parent needs CASCADE, which drops what inherits from it.
        let sql = "CREATE TABLE p (a int);\nCREATE TABLE c () INHERITS (p);\nCREATE TABLE g () INHERITS (c);\nCREATE TABLE keep (b int);\n"
        let refused = SchemaLoader.fold(sql: sql + "DROP TABLE p;")
        #expect(refused.diagnostics.map(\.message) == ["cannot drop table p because other objects depend on it"])
        // What PostgreSQL refuses under inheritance, the fold refuses too.
        for (statement, message) in [
            ("ALTER TABLE ONLY p ADD COLUMN x int;", "column must be added to child tables too"),
            ("ALTER TABLE ONLY p RENAME COLUMN a TO x;", "inherited column \"a\" must be renamed in child tables too"),
            ("ALTER TABLE ONLY p ALTER COLUMN a TYPE bigint;", "type of inherited column \"a\" must be changed in child tables too"),
            ("ALTER TABLE c RENAME COLUMN a TO x;", "cannot rename inherited column \"a\""),
            ("ALTER TABLE c DROP COLUMN a;", "cannot drop inherited column \"a\""),
            ("ALTER TABLE c ALTER COLUMN a TYPE bigint;", "cannot alter inherited column \"a\""),
            // A column a parent passes on and the table declares too is still inherited.
            ("CREATE TABLE d (a int) INHERITS (p); ALTER TABLE d DROP COLUMN a;", "cannot drop inherited column \"a\""),
            ("CREATE TABLE d (x int) INHERITS (p); ALTER TABLE p ADD x int; ALTER TABLE d DROP x;", "cannot drop inherited column \"x\""),
            ("CREATE TABLE q (a int); ALTER TABLE q INHERIT p; ALTER TABLE q DROP COLUMN a;", "cannot drop inherited column \"a\""),
            // Merged columns must agree.
            ("CREATE TABLE d (a bigint) INHERITS (p);", "column \"a\" has a type conflict"),
            ("CREATE TABLE r (a bigint); CREATE TABLE d () INHERITS (p, r);", "inherited column \"a\" has a type conflict"),
            ("CREATE TABLE d (x bigint) INHERITS (p); ALTER TABLE p ADD COLUMN x int;", "child table \"d\" has different type for column \"x\""),
            ("CREATE TABLE q (a text); ALTER TABLE q INHERIT p;", "child table \"q\" has different type for column \"a\""),
            ("CREATE TABLE pt (s text COLLATE \"C\"); CREATE TABLE q (s text); ALTER TABLE q INHERIT pt;",
             "child table \"q\" has different collation for column \"s\""),
            ("CREATE TABLE pn (a int NOT NULL); CREATE TABLE q (a int); ALTER TABLE q INHERIT pn;", "column \"a\" in child table must be marked NOT NULL"),
            ("ALTER TABLE p ADD COLUMN id int GENERATED ALWAYS AS IDENTITY;", "cannot recursively add identity column to table that has child tables"),
            ("CREATE TABLE gen (a int, b int GENERATED ALWAYS AS (a * 2) STORED); ALTER TABLE gen ALTER COLUMN a TYPE bigint;",
             "cannot alter type of a column used by a generated column"),
        ] {
            #expect(SchemaLoader.fold(sql: sql + statement).diagnostics.map(\.message) == [message], "\(statement)")
        }
        #expect(SchemaLoader.fold(sql: sql + "ALTER TABLE ONLY p ALTER COLUMN a SET DEFAULT 1; ALTER TABLE ONLY g ADD COLUMN x int;").diagnostics.isEmpty)
        // What PostgreSQL accepts of the same kinds (each checked against it).
        for statement in [
            "CREATE TABLE d (a int) INHERITS (p); ALTER TABLE p DROP COLUMN a; ALTER TABLE d DROP COLUMN a;",
            "ALTER TABLE p ADD COLUMN s serial;",
            "CREATE TABLE pa (a int[]); CREATE TABLE q (a int[][]); ALTER TABLE q INHERIT pa;",
            "CREATE TABLE pt (s text COLLATE \"default\"); CREATE TABLE q (s text); ALTER TABLE q INHERIT pt;",
            "CREATE TABLE pc (a int CONSTRAINT pos CHECK (a > 0)); CREATE TABLE q (a int CONSTRAINT pos CHECK (a > 0)); ALTER TABLE q INHERIT pc;",
            // A NO INHERIT check need not be on the child; a domain's collation agrees with itself.
            "CREATE TABLE pn (a int CHECK (a > 0) NO INHERIT); CREATE TABLE q (a int); ALTER TABLE q INHERIT pn;",
            "CREATE DOMAIN dc AS text COLLATE \"C\"; CREATE TABLE pd (a dc); CREATE TABLE q (a dc COLLATE \"C\") INHERITS (pd);",
        ] {
            #expect(SchemaLoader.fold(sql: sql + statement).diagnostics.isEmpty, "\(statement)")
        }
        let dropped = SchemaLoader.fold(sql: sql + "DROP TABLE p CASCADE;")
        #expect(dropped.diagnostics.isEmpty, "\(dropped.diagnostics)")
        #expect(dropped.schema.tables.map(\.name.name) == ["keep"])
    }

    /// A serial column's own sequence can be dropped once its default is gone (or with CASCADE,
    /// which drops the default): the usual way from serial to identity, which then takes the
    /// freed name. An identity column's sequence cannot be dropped.
    @Test func aSerialsOwnSequenceCanBeDropped() throws {
        try compare([
            "000001_serial.up.sql": "CREATE TABLE items (id serial PRIMARY KEY, n int);\nCREATE TABLE lots (id bigserial, n int);\n",
            "000002_identity.up.sql": """
                ALTER TABLE items ALTER COLUMN id DROP DEFAULT;
                DROP SEQUENCE items_id_seq;
                ALTER TABLE items ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
                DROP SEQUENCE lots_id_seq CASCADE;
                CREATE SEQUENCE lots_id_seq;
                """,
        ])
        let base = "CREATE TABLE items (id serial PRIMARY KEY);\nCREATE TABLE ids (id int GENERATED ALWAYS AS IDENTITY);\n"
        for (statement, message) in [
            ("DROP SEQUENCE items_id_seq;", "cannot drop sequence items_id_seq because other objects depend on it"),
            ("DROP SEQUENCE ids_id_seq;", "cannot drop sequence ids_id_seq because column id of table ids requires it"),
            ("DROP SEQUENCE ids_id_seq CASCADE;", "cannot drop sequence ids_id_seq because column id of table ids requires it"),
        ] {
            #expect(SchemaLoader.fold(sql: base + statement).diagnostics.map(\.message) == [message], "\(statement)")
        }
    }

    /// ALTER TYPE on a composite type: several attribute actions in one statement (in ALTER
    /// TABLE's passes: drops, type changes, additions), RENAME ATTRIBUTE, ALTER ATTRIBUTE TYPE.
    @Test func compositeTypeAttributesChange() throws {
        try compare([
            "000001_types.up.sql": """
                CREATE TYPE pair AS (a int);
                ALTER TYPE pair ADD ATTRIBUTE b int, ADD ATTRIBUTE c int;
                ALTER TYPE pair DROP ATTRIBUTE a, ALTER ATTRIBUTE b SET DATA TYPE bigint, ADD ATTRIBUTE d text COLLATE "C";
                CREATE TYPE addr AS (street text, zip varchar(10));
                ALTER TYPE addr RENAME ATTRIBUTE street TO line1;
                ALTER TYPE addr ALTER ATTRIBUTE zip TYPE varchar(12) CASCADE;
                CREATE TABLE places (id int PRIMARY KEY, at addr);
                ALTER TYPE addr RENAME ATTRIBUTE line1 TO "Line 1";
                """,
        ])
        let base = "CREATE TYPE a AS (x int, y int);\nCREATE TABLE t (v a);\n"
        for (statement, message) in [
            ("ALTER TYPE a RENAME ATTRIBUTE z TO w;", "column \"z\" does not exist"),
            ("ALTER TYPE a RENAME ATTRIBUTE x TO y;", "column \"y\" of relation \"a\" already exists"),
            ("ALTER TYPE a ADD ATTRIBUTE b int, ALTER ATTRIBUTE b TYPE bigint;", "column \"b\" of relation \"a\" does not exist"),
            ("ALTER TYPE a ALTER ATTRIBUTE x TYPE bigint;", "cannot alter type \"a\" because column \"t.v\" uses it"),
        ] {
            #expect(SchemaLoader.fold(sql: base + statement).diagnostics.map(\.message) == [message], "\(statement)")
        }
    }

    /// COMMENT ON INDEX takes the indexes behind keys, unique and exclusion constraints and a
    /// materialized view's indexes; a table is not an index.
    @Test func commentsOnConstraintIndexes() throws {
        try compare([
            "000001_comments.up.sql": """
                CREATE TABLE o (id int PRIMARY KEY, code text UNIQUE, during tstzrange, EXCLUDE USING gist (during WITH &&));
                CREATE MATERIALIZED VIEW codes AS SELECT code FROM o;
                CREATE UNIQUE INDEX codes_code ON codes (code);
                COMMENT ON INDEX o_pkey IS 'pk';
                COMMENT ON INDEX public.o_code_key IS 'code';
                COMMENT ON INDEX o_during_excl IS 'no overlaps';
                COMMENT ON INDEX codes_code IS 'for REFRESH ... CONCURRENTLY';
                """,
        ])
        #expect(SchemaLoader.fold(sql: "CREATE TABLE o (id int);\nCOMMENT ON INDEX o IS 'x';").diagnostics.map(\.message) == ["\"o\" is not an index"])
        #expect(SchemaLoader.fold(sql: "COMMENT ON INDEX nope IS 'x';").diagnostics.map(\.message) == ["relation \"nope\" does not exist"])
    }

    /// Partitions have no identity of their own (PostgreSQL 15), before and after DETACH, and an
    /// identity column cannot be added to a parent that has partitions.
    @Test func partitionsHaveNoIdentity() throws {
        try compare([
            "000001_tasks.up.sql": """
                CREATE TABLE tasks (id bigint GENERATED ALWAYS AS IDENTITY, n int NOT NULL, created_at timestamptz NOT NULL,
                    PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
                CREATE TABLE tasks_2023 PARTITION OF tasks FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
                ALTER TABLE tasks ALTER COLUMN n ADD GENERATED BY DEFAULT AS IDENTITY;
                CREATE TABLE tasks_2024 PARTITION OF tasks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                ALTER TABLE tasks DETACH PARTITION tasks_2023;
                """,
        ])
        let detached = SchemaLoader.fold(sql: """
            CREATE TABLE tasks (id bigint GENERATED ALWAYS AS IDENTITY, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE tasks_2023 PARTITION OF tasks FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
            ALTER TABLE tasks DETACH PARTITION tasks_2023;
            """)
        #expect(detached.schema.tables.first { $0.name.name == "tasks_2023" }?.columns.map(\.identity) == [nil, nil])
        #expect(SchemaLoader.fold(sql: """
            CREATE TABLE tasks (at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE tasks_2023 PARTITION OF tasks FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
            ALTER TABLE tasks ADD COLUMN k int GENERATED ALWAYS AS IDENTITY;
            """).diagnostics.map(\.message) == ["cannot recursively add identity column to table that has child tables"])
    }

    /// DROP TYPE and DROP DOMAIN with CASCADE drop the columns of the type and what depends on
    /// them: views reading them, generated columns computed from them (and views of those).
    @Test func droppedTypesTakeTheirViews() throws {
        try compare([
            "000001_types.up.sql": """
                CREATE TYPE mood AS ENUM ('happy','sad');
                CREATE DOMAIN score AS int CHECK (VALUE >= 0);
                CREATE TABLE users (id int PRIMARY KEY, mood mood, s score, doubled int GENERATED ALWAYS AS (s * 2) STORED);
                CREATE VIEW user_moods AS SELECT id, mood FROM users;
                CREATE VIEW user_scores AS SELECT id, s FROM users;
                CREATE VIEW user_doubled AS SELECT id, doubled FROM users;
                CREATE VIEW just_ids AS SELECT id FROM users;
                """,
            "000002_drop.up.sql": "DROP TYPE mood CASCADE;\nDROP DOMAIN score CASCADE;\n",
            "000003_again.up.sql": "CREATE VIEW user_moods AS SELECT id FROM users;\nCREATE VIEW user_doubled AS SELECT id FROM users;\n",
            // Views that only cast to a dropped type go too.
            "000004_casts.up.sql": """
                CREATE DOMAIN d AS int;
                CREATE TYPE feeling AS ENUM ('a', 'b');
                CREATE VIEW casts_d AS SELECT id::d AS did FROM users;
                CREATE VIEW casts_feeling AS SELECT 'a'::public.feeling AS k;
                CREATE VIEW keeps AS SELECT id AS feeling FROM users;
                DROP DOMAIN d CASCADE;
                DROP TYPE feeling CASCADE;
                """,
        ])
        #expect(SchemaLoader.fold(sql: "CREATE TYPE f AS ENUM ('a');\nCREATE VIEW v AS SELECT 'a'::f AS k;\nDROP TYPE f;\n").diagnostics.map(\.message)
            == ["cannot drop type f because other objects depend on it"])
    }

    /// An identifier longer than 63 bytes is cut wherever it appears, in expressions too: a
    /// check names its column (and gets the name PostgreSQL gives it), an index expression,
    /// a default and a view find the column.
    @Test func longNamesInExpressionsAreCutToo() throws {
        let long = "a_very_long_column_name_that_goes_on_and_on_beyond_the_limit_of_postgres"
        let quoted = "\"Ünïcödé_ñämé_thät_göés_ön_änd_ön_béyönd_thé_lïmït_öf_pöstgrés_ok\""
        try compare([
            "000001_long.up.sql": """
                CREATE TABLE t (\(long) int, \(quoted) text, CHECK (\(long) > 0), CHECK (\(quoted) <> ''));
                CREATE INDEX ON t (lower(\(quoted)));
                CREATE VIEW v AS SELECT \(long) FROM t;
                """,
            "000002_drop.up.sql": """
                ALTER TABLE t DROP CONSTRAINT t_a_very_long_column_name_that_goes_on_and_on_beyond_the__check;
                ALTER TABLE t ALTER COLUMN \(long) SET DEFAULT length('\(long)') + \(long.uppercased().count);
                """,
        ])
    }

    /// Defaults call nextval on a sequence by its OID: after the sequence is renamed, or moves
    /// with its table to another schema (serials and sequences OWNED BY it, also when CREATE
    /// SEQUENCE says so), PostgreSQL prints the name as it is now, however it was written.
    @Test func sequenceDefaultsFollowRenamesAndMoves() throws {
        try compare([
            "000001_tables.up.sql": """
                CREATE TABLE posts (id bigint NOT NULL);
                CREATE SEQUENCE posts_id_seq;
                ALTER SEQUENCE posts_id_seq OWNED BY posts.id;
                ALTER TABLE ONLY posts ALTER COLUMN id SET DEFAULT nextval('public.posts_id_seq'::regclass);
                CREATE SCHEMA billing;
                CREATE TABLE subscriptions (id serial PRIMARY KEY, n bigint);
                CREATE SEQUENCE subscriptions_n_seq START 10 OWNED BY subscriptions.n;
                ALTER TABLE subscriptions ALTER n SET DEFAULT nextval('subscriptions_n_seq');
                """,
            "000002_moves.up.sql": """
                ALTER SEQUENCE posts_id_seq RENAME TO articles_id_seq;
                ALTER TABLE subscriptions SET SCHEMA billing;
                ALTER SEQUENCE billing.subscriptions_id_seq RENAME TO subs_id_seq;
                """,
        ])
    }

    /// A renamed column is renamed however expressions spell it (`C16` for c16, `"a""b"`), and a
    /// renamed enum label only where a constant of the enum is meant, quotes and all.
    @Test func renamesFollowEverySpelling() throws {
        try compare([
            "000001_columns.up.sql": """
                CREATE TABLE t (c16 int CHECK (C16 > 0), g int GENERATED ALWAYS AS (C16 * 2) STORED);
                CREATE INDEX ix ON t ((C16 + 1)) WHERE C16 > 0;
                ALTER TABLE t RENAME c16 TO r;
                CREATE TABLE t4 ("quote""d9" real, other int);
                CREATE INDEX ix26 ON t4 ("quote""d9");
                CREATE INDEX ix27 ON t4 (other) WHERE "quote""d9" > 0;
                ALTER TABLE t4 RENAME COLUMN "quote""d9" TO rc29;
                ALTER TABLE t4 DROP rc29;
                """,
            "000002_labels.up.sql": """
                CREATE TYPE e AS ENUM ('a', 'b', 'it''s');
                CREATE TABLE u (c text CHECK (c <> 'a'), d e DEFAULT 'it''s' CHECK (d <> 'a'), f e CHECK (f IN ('a', 'b')));
                CREATE INDEX u_d ON u (c) WHERE d = ANY (ARRAY['a'::e, 'b']) AND 'a' <> c;
                ALTER TYPE e RENAME VALUE 'a' TO 'z';
                ALTER TYPE e RENAME VALUE 'it''s' TO 'it''ll';
                """,
        ])
    }

    /// Keys on one column in one CREATE TABLE are merged only when their indexes would be the
    /// same (NULLS NOT DISTINCT, INCLUDE, DEFERRABLE, also written inline); a key naming a
    /// column twice numbers it in the name, as an index does; a materialized view's index can
    /// be renamed.
    @Test func keysMergeOnlyWhenTheirIndexesAreTheSame() throws {
        try compare([
            "000001_keys.up.sql": """
                CREATE TABLE t85 (a int CONSTRAINT uq87 UNIQUE NULLS NOT DISTINCT, PRIMARY KEY (a));
                CREATE TABLE t86 (a int UNIQUE NULLS NOT DISTINCT, UNIQUE (a));
                CREATE TABLE t87 (a int UNIQUE DEFERRABLE, b int, UNIQUE (b) INCLUDE (a), UNIQUE (a), UNIQUE (b));
                CREATE TABLE t8 (c9 varchar(10) UNIQUE NULLS NOT DISTINCT, CONSTRAINT tc10 UNIQUE (c9));
                ALTER TABLE t8 RENAME CONSTRAINT t8_c9_key TO renamed;
                CREATE TABLE t26 (c27 uuid NOT NULL, UNIQUE (c27) INCLUDE (c27));
                -- INITIALLY DEFERRED keeps two keys apart (and alone implies DEFERRABLE).
                CREATE TABLE d1 (a int UNIQUE DEFERRABLE INITIALLY DEFERRED UNIQUE DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE d2 (a int UNIQUE DEFERRABLE UNIQUE DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE d3 (a int UNIQUE INITIALLY DEFERRED, UNIQUE (a) DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE d4 (a int UNIQUE DEFERRABLE INITIALLY IMMEDIATE UNIQUE DEFERRABLE);
                CREATE TABLE d5 (a int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED UNIQUE DEFERRABLE);
                CREATE MATERIALIZED VIEW mv AS SELECT a FROM t85;
                CREATE INDEX ix ON mv (a);
                ALTER INDEX ix RENAME TO ix2;
                COMMENT ON INDEX ix2 IS 'renamed';
                """,
        ])
    }

    /// PostgreSQL records no array dimensions for columns LIKE copies: verify takes that as
    /// agreeing with the model's.
    @Test func arraysCopiedByLikeHaveNoDeclaredDimensions() throws {
        try compare([
            "000001_like.up.sql": "CREATE TABLE t80 (c84 int[], c85 integer[][]);\nCREATE TABLE lk91 (LIKE t80 INCLUDING ALL);\n",
        ])
    }

    /// A dropped table's sequences go with it, and so do the defaults of other tables that use
    /// them (a LIKE … INCLUDING DEFAULTS copy's): with CASCADE; without it the drop is refused.
    @Test func droppedTablesTakeTheDefaultsOfTheirSequences() throws {
        try compare([
            "000001_like.up.sql": "CREATE TABLE t14 (c15 serial);\nCREATE TABLE lk75 (LIKE t14 INCLUDING DEFAULTS);\nDROP TABLE t14 CASCADE;\n",
        ])
        let refused = SchemaLoader.fold(sql: "CREATE TABLE t14 (c15 serial);\nCREATE TABLE lk75 (LIKE t14 INCLUDING DEFAULTS);\nDROP TABLE t14;\n")
        #expect(refused.diagnostics.map(\.message) == ["cannot drop table t14 because other objects depend on it"])
    }

    /// verify compares a bytea or "char" default by the value PostgreSQL stores, however the
    /// string constant was written (hex or escape format, E'' escapes).
    @Test func byteaAndCharDefaultsCompareByValue() throws {
        try compare([
            "000001_defaults.up.sql": #"""
                CREATE TABLE t32 (c33 bytea DEFAULT '', c34 bytea DEFAULT 'abc', c35 bytea DEFAULT '\000a\\', c36 bytea DEFAULT E'\\xDEADbeef',
                    c37 bytea DEFAULT '\x00ff'::bytea, c38 bytea DEFAULT E'\x41\102');
                CREATE TABLE t14 (c17 "char" DEFAULT 'abc', c18 "char" DEFAULT E'a\nb', c19 "char" DEFAULT 'x'::"char", c20 "char" DEFAULT 'é');
                """#,
        ])
    }

    /// Cases from a hostile review of this day's changes (each once differed from the catalog
    /// or was refused): an enum label renamed wherever a constant of the enum is meant, a serial's
    /// sequence given to another column, a composite field named like a column, a late-bound
    /// nextval('name'::text), a renamed attribute inside expressions.
    @Test func reviewedRenamesAndOwners() throws {
        try compare([
            "000001_labels.up.sql": """
                create type mood as enum ('a', 'b', 'c');
                create table t (
                  status mood not null default 'a', note text, closed_at timestamptz,
                  constraint k_case check (case status when 'a' then closed_at is null else true end),
                  constraint k_distinct check (status is distinct from 'a'),
                  constraint k_between check (status between 'a' and 'c'),
                  constraint k_coalesce check (coalesce(status, 'a') <> 'b'),
                  constraint k_incast check (status in ('b'::mood, 'a')),
                  constraint k_paren check ((status) = 'a' or true),
                  constraint k_upper check (STATUS = 'a' or true),
                  constraint k_text check (note <> 'a'),
                  constraint k_rev check ('a' = status or true));
                create index i1 on t (note) where status = 'a';
                alter type mood rename value 'a' to 'z';
                """,
            "000002_owners.up.sql": """
                create table a (k serial);
                create table b (k int default nextval('a_k_seq'));
                alter sequence a_k_seq owned by b.k;
                drop table a;
                create table a2 (k serial);
                alter sequence a2_k_seq owned by none;
                drop table a2;
                """,
            "000003_fields.up.sql": """
                create type comp as (a int, b int);
                create table tc (a int, c comp, g int generated always as ((c).a + 1) stored);
                alter table tc alter column a type bigint;
                create type comp2 as (x int, z int);
                create table tz (c comp2 check ((c).z > 0), g int generated always as ((c).z + 1) stored);
                alter type comp2 rename attribute z to zz;
                create sequence other;
                create table u (a int default nextval('other'::text), c int default nextval('"other"'::regclass));
                alter sequence other rename to other2;
                """,
        ])
        #expect(SchemaLoader.fold(sql: "create table ident (k int generated always as identity);\nalter sequence ident_k_seq owned by none;\n")
            .diagnostics.map(\.message) == ["cannot change ownership of identity sequence"])
    }

    /// CREATE OR REPLACE VIEW with an unqualified name replaces a view only in the schema it
    /// would create one in (the first of the search path): one further along stays.
    @Test func replacedViewsAreLookedForWhereTheyWouldBeCreated() throws {
        try compare([
            "000001_views.up.sql": """
                CREATE TABLE t (a int, b int);
                CREATE VIEW v AS SELECT a FROM t;
                CREATE SCHEMA s;
                SET search_path TO s, public;
                CREATE OR REPLACE VIEW v AS SELECT a, b FROM t;
                CREATE OR REPLACE VIEW v AS SELECT a, b, a + b AS c FROM t;
                RESET search_path;
                """,
        ])
    }

    /// An index element's COLLATE that is the column's own is not kept (PostgreSQL prints
    /// none); another collation is.
    @Test func indexCollationsEqualToTheColumnsAreDropped() throws {
        try compare([
            "000001_indexes.up.sql": """
                CREATE TABLE t (c text COLLATE "C", d text, e text COLLATE "POSIX");
                CREATE INDEX ix ON t (c COLLATE "C");
                CREATE INDEX ix2 ON t (d COLLATE "default" DESC);
                CREATE INDEX ix3 ON t (d COLLATE "C", e COLLATE pg_catalog."POSIX" text_pattern_ops);
                CREATE INDEX ix4 ON t (c COLLATE "POSIX");
                -- After ALTER COLUMN TYPE the index is rebuilt: a COLLATE now the column's own goes.
                CREATE TABLE u (a text, b real);
                CREATE INDEX ux ON u (a COLLATE "C", b);
                CREATE INDEX ux2 ON u (a COLLATE "POSIX");
                ALTER TABLE u ALTER COLUMN a TYPE text COLLATE "C";
                """,
        ])
    }

    /// A materialized view's indexes follow its renamed columns (elements, INCLUDE, predicate).
    @Test func materializedViewIndexesFollowRenamedColumns() throws {
        try compare([
            "000001_view.up.sql": """
                CREATE TABLE t (a int, b text);
                CREATE MATERIALIZED VIEW mv AS SELECT a, b FROM t;
                CREATE UNIQUE INDEX mv_a ON mv (a) WHERE b IS NOT NULL;
                ALTER MATERIALIZED VIEW mv RENAME COLUMN a TO aa;
                ALTER MATERIALIZED VIEW mv RENAME COLUMN b TO bb;
                CREATE INDEX mv_e ON mv ((aa + 1)) INCLUDE (bb);
                ALTER MATERIALIZED VIEW mv RENAME COLUMN aa TO "A a";
                ALTER VIEW mv RENAME COLUMN bb TO b;
                """,
        ])
    }

    @Test func longAndMultibyteNamesAreCutAsPostgreSQLCutsThem() throws {
        let table = "pedidos_de_exportação_" + String(repeating: "é", count: 10)
        let column = "référence_" + String(repeating: "ü", count: 25)
        try compare([
            "000001_names.up.sql": """
                CREATE TABLE "\(table)" (
                    id serial PRIMARY KEY,
                    "\(column)" text UNIQUE CHECK ("\(column)" <> ''),
                    other int
                );
                CREATE TABLE "\(table)_linhas" (
                    id int REFERENCES "\(table)",
                    "\(column)" text REFERENCES "\(table)" ("\(column)"),
                    UNIQUE (id, "\(column)"),
                    CHECK (id > 0 AND "\(column)" <> '')
                );
                CREATE INDEX ON "\(table)" ("\(column)", other);
                CREATE INDEX ON "\(table)" ("\(column)", other);
                CREATE INDEX ON "\(table)" (lower("\(column)"));
                ALTER TABLE "\(table)" RENAME TO renamed;
                CREATE TABLE "\(table)" (id serial PRIMARY KEY, "\(column)" text UNIQUE);
                """,
        ])
    }

    /// Many histories start from `pg_dump --schema-only`: sequences made apart and owned later,
    /// ALTER TABLE on views and sequences, identity with a named sequence, everything qualified.
    @Test func aPgDumpBaselineAndWhatFollowsIt() throws {
        try compare([
            "000001_baseline.up.sql": #"""
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: mood; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.mood AS ENUM (
    'a',
    'b'
);


ALTER TYPE public.mood OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.accounts (
    id integer NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    m public.mood
);


ALTER TABLE public.accounts OWNER TO postgres;

--
-- Name: TABLE accounts; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.accounts IS 'x';


--
-- Name: accounts_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.accounts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.accounts_id_seq OWNER TO postgres;

--
-- Name: accounts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;


--
-- Name: entries; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.entries (
    id bigint NOT NULL,
    account_id integer,
    note text
);


ALTER TABLE public.entries OWNER TO postgres;

--
-- Name: entries_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.entries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: v; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.v AS
 SELECT accounts.id,
    accounts.name,
    accounts.m
   FROM public.accounts;


ALTER TABLE public.v OWNER TO postgres;

--
-- Name: accounts id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
-- Name: entries entries_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.entries
    ADD CONSTRAINT entries_pkey PRIMARY KEY (id);


--
-- Name: entries_account_id_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX entries_account_id_idx ON public.entries USING btree (account_id);


--
-- Name: entries entries_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.entries
    ADD CONSTRAINT entries_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);


--
-- PostgreSQL database dump complete
--


"""#,
            "000002_later.up.sql": """
                -- The baseline emptied search_path for the rest of the session, as pg_dump does.
                SET search_path TO public;
                -- A serial column whose usual sequence name is taken gets the next one.
                ALTER TABLE accounts RENAME TO old_accounts;
                CREATE TABLE accounts (id serial PRIMARY KEY, owner integer DEFAULT nextval('accounts_id_seq'));
                CREATE SEQUENCE IF NOT EXISTS invoice_number_seq START 1000;
                CREATE TABLE invoices (number bigint NOT NULL DEFAULT nextval('invoice_number_seq'::regclass), note text);
                ALTER SEQUENCE invoice_number_seq OWNED BY invoices.number;
                ALTER TABLE v RENAME TO accounts_view;
                ALTER TABLE accounts_id_seq1 OWNER TO postgres;
                """,
            "000003_drops.up.sql": """
                -- The owned sequence goes with its column; a default that used it needs CASCADE.
                ALTER TABLE invoices DROP COLUMN number;
                CREATE TABLE invoice_number_seq (x int);
                DROP SEQUENCE accounts_id_seq CASCADE;
                """,
        ])
    }

    @Test func searchPathDecidesWhereUnqualifiedNamesGo() throws {
        try compare([
            "000001_schemas.up.sql": """
                CREATE SCHEMA app;
                CREATE TABLE accounts (id int PRIMARY KEY);
                SET search_path TO app, public;
                CREATE TYPE mood AS ENUM ('ok');
                CREATE TABLE accounts (id int PRIMARY KEY, mood mood, owner int REFERENCES public.accounts);
                CREATE TABLE notes (account_id int REFERENCES accounts, body text);
                CREATE INDEX ON notes (account_id);
                COMMENT ON TABLE notes IS 'in app';
                """,
            "000002_still_app.up.sql": """
                -- The path set by the last file holds for this one too: the same session.
                ALTER TABLE notes ADD COLUMN mood mood;
                CREATE VIEW recent_notes AS SELECT * FROM notes;
                BEGIN;
                SET LOCAL search_path TO public;
                CREATE TABLE settings (key text PRIMARY KEY);
                COMMIT;
                """,
            "000003_back.up.sql": """
                RESET search_path;
                CREATE TABLE audit (id int);
                """,
        ])
    }

    /// `ALTER SCHEMA … RENAME TO` takes its tables, views, types and sequences along; later
    /// migrations name them in the new schema.
    @Test func aRenamedSchemaTakesItsObjects() throws {
        try compare([
            "000001_billing.up.sql": """
                CREATE SCHEMA billing;
                CREATE TYPE billing.state AS ENUM ('open', 'paid');
                CREATE DOMAIN billing.cents AS bigint CHECK (VALUE >= 0);
                CREATE TABLE billing.invoices (id serial PRIMARY KEY, state billing.state NOT NULL DEFAULT 'open', total billing.cents);
                CREATE TABLE payments (id int PRIMARY KEY, invoice_id int REFERENCES billing.invoices);
                CREATE VIEW billing.open_invoices AS SELECT id, total FROM billing.invoices WHERE state = 'open';
                CREATE SEQUENCE billing.numbers;
                """,
            "000002_rename.up.sql": """
                ALTER SCHEMA billing RENAME TO invoicing;
                ALTER TABLE invoicing.invoices ADD COLUMN paid_at timestamptz;
                CREATE VIEW unpaid AS SELECT i.id, p.id AS payment FROM invoicing.open_invoices i LEFT JOIN payments p ON p.invoice_id = i.id;
                ALTER SEQUENCE invoicing.numbers RESTART WITH 10;
                """,
        ])
        let folded = SchemaLoader.fold(sql: "CREATE SCHEMA a; CREATE TABLE a.t (id int); CREATE VIEW v AS SELECT * FROM a.t; ALTER SCHEMA a RENAME TO b; ALTER SCHEMA b RENAME TO public;")
        #expect(folded.schema.tables.map(\.name) == [QualifiedName(schema: "b", "t")])
        #expect(folded.diagnostics.map(\.message) == ["schema \"public\" already exists"])
    }

    /// Cases from a hostile review of the fold (each once differed from the catalog or was refused).
    /// Generated columns read only ordinary ones (a function or type of a generated column's
    /// name is not a read of it); a column's own key takes no INCLUDE; an interval keeps its
    /// field restriction. Each refusal is PostgreSQL's too, checked against it.
    @Test func generatedColumnsKeysAndIntervalsAsPostgreSQLTakesThem() throws {
        try compare([
            "000001_accepted.up.sql": """
                CREATE TABLE iv (a interval, b interval day to second(2), c interval year to month, d interval(3),
                    e interval second(1), f interval hour, g interval minute to second);
                CREATE TABLE gen (x text, upper text GENERATED ALWAYS AS (lower(x)) STORED,
                    y text GENERATED ALWAYS AS (upper(x)) STORED, "text" text GENERATED ALWAYS AS (x || '!') STORED,
                    z text GENERATED ALWAYS AS ((x || '?')::text) STORED);
                ALTER TABLE gen ADD COLUMN w text GENERATED ALWAYS AS (upper(x || 'w')) STORED;
                -- Keywords, types and collations spelled like a column are no use of it.
                CREATE TABLE events (id bigint PRIMARY KEY, happened_on date NOT NULL);
                ALTER TABLE events ADD COLUMN year int GENERATED ALWAYS AS (extract(year from happened_on)) STORED;
                CREATE TABLE f1 (ts timestamp, day int GENERATED ALWAYS AS (1) STORED, d2 numeric GENERATED ALWAYS AS (extract(day from ts)) STORED);
                CREATE TABLE f2 (ts timestamp, zone int GENERATED ALWAYS AS (1) STORED, d2 timestamptz GENERATED ALWAYS AS (ts at time zone 'UTC') STORED);
                CREATE TABLE f3 (x int, precision int GENERATED ALWAYS AS (1) STORED, d2 double precision GENERATED ALWAYS AS (x::double precision) STORED);
                CREATE TABLE f4 (x int, text int GENERATED ALWAYS AS (1) STORED, d2 text GENERATED ALWAYS AS (CAST(x AS text)) STORED);
                CREATE TABLE f5 (x text, varying int GENERATED ALWAYS AS (1) STORED, d3 varchar GENERATED ALWAYS AS (x::character varying) STORED);
                CREATE TABLE f6 (x text, "C" int GENERATED ALWAYS AS (1) STORED, d3 text GENERATED ALWAYS AS (x collate "C") STORED);
                CREATE TABLE f7 (x int, secs int GENERATED ALWAYS AS (1) STORED, d3 interval GENERATED ALWAYS AS (make_interval(secs => x)) STORED);
                CREATE TABLE f8 (x text, int4 int GENERATED ALWAYS AS (1) STORED, d3 int GENERATED ALWAYS AS (x::pg_catalog.int4) STORED);
                CREATE TABLE p1 (d date, year int, CONSTRAINT ck1 CHECK (extract(year from d) > 2000));
                CREATE TABLE p2 (x int, text int); CREATE INDEX p2_i ON p2 ((CAST(x AS text)));
                CREATE TABLE p3 (d date, date int, CONSTRAINT ck3 CHECK (d > date '2000-01-01'));
                CREATE TABLE p4 (ts timestamptz, zone text); CREATE INDEX p4_i ON p4 (((ts at time zone 'UTC')::date));
                CREATE TABLE p5 (d date, year int, y2 int GENERATED ALWAYS AS (extract(year from d)) STORED);
                CREATE TABLE p6 (x int, text int, CONSTRAINT ck6 CHECK (x::text <> ''));
                ALTER TABLE p1 DROP COLUMN year; ALTER TABLE p2 DROP COLUMN text; ALTER TABLE p3 DROP COLUMN date;
                ALTER TABLE p4 DROP COLUMN zone; ALTER TABLE p5 ALTER COLUMN year TYPE bigint; ALTER TABLE p5 DROP COLUMN year;
                ALTER TABLE p6 RENAME COLUMN text TO body;
                -- Fractional seconds beyond 6 are lowered to 6.
                CREATE TABLE frac (a interval second(7), b interval(7), c interval day to second(9)[], d timestamp(7), e time(9) with time zone);
                """,
            // From the DDL fuzzer: a column its own table's foreign key references goes with that
            // key; LIKE copies a key with its INCLUDE columns, which its name counts.
            "000002_fuzzed.up.sql": """
                CREATE TABLE t6 (c8 int4 UNIQUE);
                ALTER TABLE t6 ADD FOREIGN KEY (c8) REFERENCES t6 (c8) ON DELETE CASCADE;
                ALTER TABLE t6 DROP COLUMN c8 RESTRICT;
                CREATE TABLE t7 (c8 uuid NOT NULL, c10 uuid, UNIQUE (c10, c8) INCLUDE (c8));
                ALTER TABLE t7 RENAME TO rt19;
                CREATE TABLE lk24 (LIKE public.rt19 INCLUDING ALL);
                -- CREATE TABLE IF NOT EXISTS skips over a view of the name (here one cut to 63 bytes).
                CREATE VIEW xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx AS SELECT c8 FROM lk24 WHERE c8 IS NOT NULL;
                CREATE TABLE IF NOT EXISTS xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx (c53 varchar(10));
                """,
            // `exclude` is a column's name unless an exclusion constraint follows.
            "000003_words.up.sql": """
                CREATE TABLE kw (exclude int, b int, EXCLUDE USING btree (b WITH =));
                ALTER TABLE kw ADD COLUMN "Exclude" int;
                ALTER TABLE kw RENAME COLUMN exclude TO x;
                -- An exclusion's name counts its INCLUDE columns, numbered when repeated.
                CREATE TABLE ex1 (a int, b int, EXCLUDE USING btree (a WITH =) INCLUDE (b));
                CREATE TABLE ex2 (a int, b int, c int, EXCLUDE USING btree (a WITH =, b WITH =) INCLUDE (c, a) WHERE (c > 0));
                """,
        ])
        let refused: [(sql: String, fold: String, postgres: String)] = [
            ("CREATE TABLE g (a int, b int GENERATED ALWAYS AS (a + 1) STORED, c int GENERATED ALWAYS AS (b + 1) STORED);",
             "cannot use generated column \"b\" in column generation expression", "cannot use generated column \"b\" in column generation expression"),
            ("CREATE TABLE g (a int, c int GENERATED ALWAYS AS (b + 1) STORED, b int GENERATED ALWAYS AS (a + 1) STORED);",
             "cannot use generated column \"b\" in column generation expression", "cannot use generated column \"b\" in column generation expression"),
            ("CREATE TABLE g (a int, b int GENERATED ALWAYS AS (a + 1) STORED); ALTER TABLE g ADD COLUMN c int GENERATED ALWAYS AS (b * 2) STORED;",
             "cannot use generated column \"b\" in column generation expression", "cannot use generated column \"b\" in column generation expression"),
            ("CREATE TABLE g (a int, b int GENERATED ALWAYS AS (b + 1) STORED);",
             "cannot use generated column \"b\" in column generation expression", "cannot use generated column \"b\" in column generation expression"),
            ("CREATE TABLE p (id int, d interval day) PARTITION BY RANGE (id); CREATE TABLE c (id int, d interval hour); ALTER TABLE p ATTACH PARTITION c FOR VALUES FROM (1) TO (10);",
             "child table \"c\" has different type for column \"d\"", "child table \"c\" has different type for column \"d\""),
            ("CREATE TABLE p (id int) PARTITION BY RANGE (id); CREATE TABLE c (id int, x int); ALTER TABLE p ATTACH PARTITION c FOR VALUES FROM (1) TO (10);",
             "table \"c\" contains column \"x\" not found in parent \"p\"", "table \"c\" contains column \"x\" not found in parent \"p\""),
            ("CREATE TABLE p (d interval year to month); CREATE TABLE c (d interval); ALTER TABLE c INHERIT p;",
             "child table \"c\" has different type for column \"d\"", "child table \"c\" has different type for column \"d\""),
            ("CREATE TABLE g (a interval month to year);",
             "interval MONTH TO YEAR is not a field restriction PostgreSQL takes (YEAR TO MONTH, DAY TO SECOND(3), HOUR, …)", "syntax error at or near \"to\""),
            ("CREATE TABLE g (a interval day to hour(2));",
             "interval DAY TO HOUR(…) is not a field restriction PostgreSQL takes (YEAR TO MONTH, DAY TO SECOND(3), HOUR, …)", "syntax error at or near \"(\""),
            ("CREATE TABLE g (a int UNIQUE INCLUDE (a));",
             "INCLUDE belongs to a table constraint (UNIQUE (a) INCLUDE (b)), not to a column's, found 'INCLUDE'", "syntax error at or near \"INCLUDE\""),
            ("CREATE TABLE g (a int, b int PRIMARY KEY INCLUDE (a));",
             "INCLUDE belongs to a table constraint (UNIQUE (a) INCLUDE (b)), not to a column's, found 'INCLUDE'", "syntax error at or near \"INCLUDE\""),
        ]
        for item in refused {
            #expect(SchemaLoader.fold(sql: item.sql).diagnostics.map(\.message) == [item.fold], "\(item.sql)")
        }
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            for item in refused {
                do {
                    try db.execute(item.sql)
                    Issue.record("PostgreSQL took \(item.sql)")
                } catch let error as PGError {
                    #expect(error.message == item.postgres, "\(item.sql)")
                }
            }
        }
    }

    @Test func hostileReviewCases() throws {
        try compare([
            "000001_misc.up.sql": """
                CREATE SCHEMA app;
                BEGIN;
                SET LOCAL search_path TO app;
                CREATE TABLE inapp (id int);
                COMMIT;
                CREATE TABLE inpublic (id int);
                CREATE DOMAIN positive AS int CONSTRAINT c1 CHECK (VALUE > 0);
                ALTER DOMAIN positive RENAME CONSTRAINT c1 TO c2;
                CREATE DOMAIN moved AS text;
                ALTER DOMAIN moved SET SCHEMA app;
                CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, a text, flag "char", price dec(10,2), h positive[] DEFAULT NULL);
                ALTER TABLE t ALTER COLUMN id SET GENERATED BY DEFAULT;
                ALTER TABLE t ALTER COLUMN a TYPE text COLLATE "C";
                COMMENT ON TABLE t IS 'x';
                COMMENT ON TABLE t IS '';
                CREATE VIEW v AS SELECT id FROM t;
                ALTER VIEW v SET SCHEMA app;
                CREATE TABLE a (id int PRIMARY KEY);
                CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
                CREATE TABLE c (b_id int REFERENCES b);
                DROP TABLE a, b, c;
                """,
            "000002_names.up.sql": """
                CREATE TABLE n (id int PRIMARY KEY, x int);
                CREATE TYPE n_x_idx AS (x int);
                CREATE INDEX ON n (x);
                CREATE TYPE m_id_seq AS (x int);
                CREATE TABLE m (id serial);
                CREATE SCHEMA other;
                CREATE TABLE other.guarded (id int);
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'guarded') THEN
                    CREATE TABLE guarded (id int);
                  END IF;
                END $$;
                """,
            "000006_functions.up.sql": """
                CREATE FUNCTION f() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
                CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + 1';
                CREATE TABLE uses_f (id int, a int DEFAULT f(), b int CHECK (b > f()), c int GENERATED ALWAYS AS (g(id)) STORED, d int);
                CREATE INDEX uses_f_g ON uses_f (g(d));
                CREATE EXTENSION IF NOT EXISTS citext;
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
                CREATE TABLE uses_ext (id uuid DEFAULT uuid_generate_v4() PRIMARY KEY, email citext UNIQUE, note text);
                """,
            "000007_drop_functions.up.sql": """
                DROP FUNCTION f() CASCADE;
                DROP FUNCTION g(int) CASCADE;
                DROP EXTENSION citext CASCADE;
                DROP EXTENSION "uuid-ossp" CASCADE;
                """,
            "000005_include.up.sql": """
                CREATE TABLE ti (a int, b int, c int, UNIQUE (a) INCLUDE (b), PRIMARY KEY (c) INCLUDE (a));
                ALTER TABLE ti ADD UNIQUE (b) INCLUDE (a, c);
                CREATE TABLE t4 (a int, b int, UNIQUE (a), UNIQUE (a) INCLUDE (b), UNIQUE (a, b));
                CREATE TABLE t5 (a int, UNIQUE (a), UNIQUE (a) DEFERRABLE);
                CREATE TABLE t6 (a int, UNIQUE NULLS NOT DISTINCT (a), UNIQUE (a));
                CREATE TABLE t7 (a int, b int, UNIQUE (a) INCLUDE (b));
                ALTER TABLE t7 DROP COLUMN b;
                """,
            "000004_enums.up.sql": """
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                CREATE TABLE moods (m mood DEFAULT 'ok', n mood CHECK (n <> 'sad'));
                CREATE INDEX moods_part ON moods (m) WHERE m = 'sad';
                ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
                ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumlabel = 'great' AND enumtypid = 'mood'::regtype) THEN
                        ALTER TYPE mood ADD VALUE 'great';
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumlabel = 'fine' AND enumtypid = 'mood'::regtype) THEN
                        ALTER TYPE mood ADD VALUE 'never';
                    END IF;
                END $$;
                """,
            "000003_partitions.up.sql": """
                CREATE TABLE pm (id int, d date, v text) PARTITION BY RANGE (d);
                CREATE TABLE pm1 PARTITION OF pm FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
                CREATE INDEX pm1_custom ON pm1 (v);
                CREATE INDEX pm_v_idx ON pm (v);
                CREATE INDEX pm_id_idx ON pm (id);
                DROP INDEX pm_id_idx;
                CREATE INDEX ON ONLY pm (d);
                ALTER TABLE pm RENAME TO pmm;
                ALTER TABLE pmm DETACH PARTITION pm1;
                -- A partitioned table as pg_dump writes it.
                CREATE TABLE public.ord (id integer NOT NULL, d date NOT NULL, v text) PARTITION BY RANGE (d);
                CREATE TABLE public.ord_1 (id integer NOT NULL, d date NOT NULL, v text);
                ALTER TABLE ONLY public.ord ATTACH PARTITION public.ord_1 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
                ALTER TABLE ONLY public.ord ADD CONSTRAINT ord_pkey PRIMARY KEY (id, d);
                ALTER TABLE ONLY public.ord_1 ADD CONSTRAINT ord_1_pkey PRIMARY KEY (id, d);
                CREATE INDEX ord_v_idx ON ONLY public.ord USING btree (v);
                CREATE INDEX ord_1_v_idx ON public.ord_1 USING btree (v);
                ALTER INDEX public.ord_pkey ATTACH PARTITION public.ord_1_pkey;
                ALTER INDEX public.ord_v_idx ATTACH PARTITION public.ord_1_v_idx;
                CREATE TABLE line (oid int, od date, FOREIGN KEY (oid, od) REFERENCES ord);
                """,
        ])
    }
}
