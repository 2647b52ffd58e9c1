import Foundation
import PGSchema
import Testing

/// Snippets of what real histories do, and the errors PostgreSQL gives where they go wrong.
@Suite struct FidelityFoldingTests {
    func errors(_ sql: String) -> [String] {
        SchemaLoader.fold(sql: sql, path: "m.up.sql").diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }
    }

    @Test func droppingAKeyThatAForeignKeyNeedsTakesCascade() {
        let tables = """
            CREATE TABLE p (id int PRIMARY KEY, code text);
            CREATE UNIQUE INDEX p_code_idx ON p (code);
            CREATE TABLE c (p_id int REFERENCES p, p_code text REFERENCES p (code));

            """
        #expect(errors(tables + "ALTER TABLE p DROP CONSTRAINT p_pkey;") == [
            "m.up.sql:4:31: cannot drop constraint p_pkey on table p because other objects depend on it",
        ])
        #expect(errors(tables + "DROP INDEX p_code_idx;") == ["m.up.sql:4:12: cannot drop index p_code_idx because other objects depend on it"])
        #expect(errors(tables + "ALTER TABLE p DROP COLUMN code;") == [
            "m.up.sql:4:27: cannot drop column code of table p because other objects depend on it",
        ])
        #expect(errors(tables + "DROP INDEX p_pkey;") == ["m.up.sql:4:12: cannot drop index p_pkey because constraint p_pkey on table p requires it"])
        let folded = SchemaLoader.fold(sql: tables + "ALTER TABLE p DROP CONSTRAINT p_pkey CASCADE; DROP INDEX p_code_idx CASCADE;")
        #expect(folded.diagnostics.isEmpty)
        #expect(folded.schema.table(QualifiedName("c"))?.foreignKeys.isEmpty == true)
    }

    @Test func aGeneratedColumnNeedsCascadeToLoseItsSource() {
        let sql = "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED);\n"
        #expect(errors(sql + "ALTER TABLE t DROP COLUMN a;") == ["m.up.sql:2:27: cannot drop column a of table t because other objects depend on it"])
        let folded = SchemaLoader.fold(sql: sql + "ALTER TABLE t DROP COLUMN a CASCADE;")
        #expect(folded.schema.table(QualifiedName("t"))?.columns.isEmpty == true)
    }

    @Test func defaultNullKeepsOnlyCoercedDefaults() throws {
        let folded = SchemaLoader.fold(sql: """
            CREATE TABLE t (a text DEFAULT NULL, b text NULL DEFAULT NULL NOT NULL, c varchar(40) DEFAULT NULL, d int DEFAULT NULL::bigint);
            ALTER TABLE t ADD COLUMN e text DEFAULT NULL::text;
            """)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)")
        let table = try #require(folded.schema.table(QualifiedName("t")))
        #expect(table.columns.map(\.defaultExpression) == [nil, nil, "NULL", "NULL::bigint", nil])
        #expect(table.column("b")?.isNotNull == true)
    }

    /// Knex writes `boolean not null default '1'`; PostgreSQL converts the string when it stores the
    /// default and prints `true` (checked on PostgreSQL 15: `' Of '` → `false`, `'YES'::bool` → `true`).
    @Test func aStringDefaultOfABooleanColumnIsStoredAsTrueOrFalse() throws {
        let folded = SchemaLoader.fold(sql: """
            CREATE TABLE t (a boolean NOT NULL DEFAULT '1', b boolean DEFAULT ' Of ', c bool DEFAULT 'YES'::bool, f text DEFAULT 'yes');
            ALTER TABLE t ADD COLUMN e boolean DEFAULT 'tr'::boolean;
            ALTER TABLE t ALTER COLUMN b SET DEFAULT '0';
            """)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)")
        let table = try #require(folded.schema.table(QualifiedName("t")))
        #expect(table.columns.map(\.defaultExpression) == ["true", "false", "true", "'yes'", "true"])
    }

    /// Knex's raw SQL puts `with no data` on a line of its own; the query must not keep it.
    @Test func withNoDataOnItsOwnLineIsNotPartOfTheQuery() throws {
        let folded = SchemaLoader.fold(sql: """
            create materialized view m as
              select 1 as a
            with no data;
            create materialized view n as select 2 as b\n\twith data;
            create materialized view o as select 3 as c WITH   NO DATA;
            """)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)")
        #expect(folded.schema.views.map(\.query).sorted() == ["select 1 as a", "select 2 as b", "select 3 as c"])
    }

    @Test func unnamedIndexesAreNamedAsPostgreSQLNamesThem() throws {
        let folded = SchemaLoader.fold(sql: """
            CREATE TABLE t (a int, email text);
            CREATE UNIQUE INDEX ON t (a);
            CREATE INDEX ON t (lower(email));
            CREATE INDEX ON t (lower(email), upper(email), (a + 1));
            CREATE INDEX ON t (a);
            """)
        let names = folded.schema.table(QualifiedName("t"))?.indexes.map(\.name)
        #expect(names == ["t_a_idx", "t_lower_idx", "t_lower_upper_expr_idx", "t_a_idx1"])
    }

    @Test func aMissingKeyColumnIsPointedAt() {
        #expect(errors("CREATE TABLE p (id int, PRIMARY KEY (id, code));") == [
            "m.up.sql:1:42: column \"code\" named in key does not exist in table \"p\"",
        ])
        #expect(errors("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (p int, FOREIGN KEY (p) REFERENCES p (ident));") == [
            "m.up.sql:2:54: column \"ident\" referenced in foreign key constraint does not exist",
        ])
    }

    /// Found by `make fuzz`: an EXCLUDE with no elements cut the statement's text backwards.
    /// (`exclude` alone is a column's name, here one without a type.)
    @Test func anExclusionWithoutElementsIsAnErrorNotACrash() {
        #expect(errors("CREATE TABLE t (a int, EXCLUDE);") == ["m.up.sql:1:31: expected a type, found ')'"])
        #expect(errors("CREATE TABLE t (a int, EXCLUDE USING gist);").count == 1)
    }

    @Test func aMissingIndexColumnIsPointedAt() {
        #expect(errors("CREATE TABLE posts (id int);\nCREATE INDEX posts_date ON posts (id, publish_date);") == [
            "m.up.sql:2:39: column \"publish_date\" does not exist in table \"posts\"",
        ])
    }

    @Test func aStatementThatDoesNotParseGivesOneError() {
        let result = SchemaLoader.fold(sql: """
            CREATE TABLE posts (id int, title text,);
            ALTER TABLE posts ADD COLUMN body text;
            CREATE INDEX ON posts (title);
            CREATE TABLE comments (post_id int REFERENCES posts);
            ALTER TABLE authors ADD COLUMN name text;
            """, path: "m.up.sql")
        #expect(result.diagnostics.map { "\($0.location): \($0.message)" } == [
            "m.up.sql:1:40: expected a column name, found ')'",
            "m.up.sql:5:13: relation \"authors\" does not exist",
        ])
        #expect(result.diagnostics.first?.note?.contains("later references to \"posts\" are not checked") == true)
    }

    @Test func anEmptySearchPathLeavesNoSchemaToCreateIn() {
        #expect(errors("SELECT pg_catalog.set_config('search_path', '', false);\nCREATE TABLE t (a int);\nCREATE TABLE public.u (a int);") == [
            "m.up.sql:2:14: no schema has been selected to create in",
        ])
    }

    @Test func theMigrationsTableIsThereButNotAModel() throws {
        let folded = SchemaLoader.fold(sql: "ALTER TABLE schema_migrations ADD COLUMN data_version int;")
        #expect(folded.diagnostics.isEmpty)
        #expect(folded.schema.tables.isEmpty)
        #expect(folded.schema.migrationsTable?.columns.map(\.name) == ["version", "dirty", "data_version"])
        #expect(errors("CREATE TABLE schema_migrations (version bigint);") == ["m.up.sql:1:14: relation \"schema_migrations\" already exists"])
    }

    @Test func aBrokenDownFileIsAWarning() throws {
        let path = NSTemporaryDirectory() + "pg-down-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "CREATE TABLE t (a int);".write(toFile: path + "/1_t.up.sql", atomically: true, encoding: .utf8)
        try "DROP TABLE t".write(toFile: path + "/1_t.down.sql", atomically: true, encoding: .utf8)
        try "ALTER TABLE t ADD COLUMN b int;".write(toFile: path + "/2_b.up.sql", atomically: true, encoding: .utf8)
        try "ALTER TABLE t DROP COLUMN b,;".write(toFile: path + "/2_b.down.sql", atomically: true, encoding: .utf8)
        let result = SchemaLoader.load(migrations: path)
        #expect(!result.hasErrors)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.location.file.hasSuffix("2_b.down.sql") == true)
        #expect(result.schema.table(QualifiedName("t"))?.columns.map(\.name) == ["a", "b"])
    }
}

/// DO blocks: DDL folded where the fold can follow it, a warning where it cannot.
@Suite struct DoBlockFoldingTests {
    func fold(_ sql: String) -> SchemaLoader.Result { SchemaLoader.fold(sql: sql, path: "m.up.sql") }

    @Test func guardedDDLIsFoldedByTheCatalogTest() throws {
        let result = fold("""
            CREATE TABLE t (a int);
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
                    CREATE TYPE mood AS ENUM ('ok', 'sad');
                END IF;
                IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'a') THEN
                    ALTER TABLE t ADD COLUMN a text;
                ELSE
                    ALTER TABLE t ADD COLUMN b text;
                END IF;
            END
            $$;
            DO $$ BEGIN CREATE TYPE mood AS ENUM ('x'); EXCEPTION WHEN duplicate_object THEN null; END $$;
            DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM t; UPDATE t SET a = 1; END $$;
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.schema.enumType(QualifiedName("mood"))?.labels == ["ok", "sad"])
        #expect(result.schema.table(QualifiedName("t"))?.columns.map(\.name) == ["a", "b"])
    }

    @Test func whatTheFoldCannotSeeIsAWarningAtItsPlace() {
        let result = fold("""
            CREATE TABLE t (a int);
            DO $$
            BEGIN
              EXECUTE format('ALTER TABLE %I ADD COLUMN c int', 't');
            END $$;
            """)
        #expect(result.diagnostics.map { "\($0.location) \($0.severity): \($0.message)" } == [
            "m.up.sql:4:3 warning: this DO block runs EXECUTE of dynamic SQL; the model cannot see its effect",
        ])
    }

    @Test func aCallOfAFunctionThatRunsDDLIsAWarning() {
        let result = fold("""
            CREATE FUNCTION make_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                EXECUTE format('CREATE TABLE IF NOT EXISTS events_%s PARTITION OF events FOR VALUES FROM (%L) TO (%L)',
                    to_char(month, 'YYYY_MM'), month, month + interval '1 month');
            END $$;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at = now(); RETURN NEW; END $$;
            SELECT make_partition(date '2024-01-01');
            SELECT touch(), count(*) FROM pg_class;
            """)
        #expect(result.diagnostics.map { "\($0.location) \($0.severity): \($0.message)" } == [
            "m.up.sql:7:1 warning: this calls make_partition(), whose body runs DDL; the model cannot see its effect",
        ])
    }

    @Test func anAnnotationDescribesTheBlock() {
        let result = fold("""
            CREATE TABLE t (a int);
            DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN c int', 't'); END $$;
            /* pg-codegen:assume
            ALTER TABLE t ADD COLUMN c int;
            */
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.schema.table(QualifiedName("t"))?.columns.map(\.name) == ["a", "c"])
        #expect(result.schema.table(QualifiedName("t"))?.column("c")?.provenance.created.description == "m.up.sql:4:26")
    }
}
