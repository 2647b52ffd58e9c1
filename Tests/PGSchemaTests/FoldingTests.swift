import PGSchema
import Testing

/// Snippet tests: SQL in, folded model (or located diagnostics) out.
@Suite struct FoldingTests {
    func fold(_ sql: String) -> SchemaLoader.Result {
        SchemaLoader.fold(sql: sql, path: "m.up.sql")
    }

    func schema(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Schema {
        let result = fold(sql)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return result.schema
    }

    func errors(_ sql: String) -> [String] {
        fold(sql).diagnostics.filter { $0.severity == .error }.map { "\($0.location): error: \($0.message)" }
    }

    @Test func createTableWithTypesAliasesAndConstraints() throws {
        let s = try schema("""
            CREATE TABLE t (
                id serial PRIMARY KEY,
                code character varying(20) NOT NULL UNIQUE,
                price decimal(10, 2) DEFAULT 0.00 CHECK (price >= 0),
                at timestamp with time zone DEFAULT now() NOT NULL,
                grid int[][],
                ratio double precision,
                flag bool
            );
            """)
        let table = try #require(s.table(QualifiedName("t")))
        #expect(table.columns.map(\.name) == ["id", "code", "price", "at", "grid", "ratio", "flag"])
        #expect(table.columns.map(\.type.description) == [
            "integer", "character varying(20)", "numeric(10,2)", "timestamp with time zone", "integer[]", "double precision", "boolean",
        ])
        #expect(table.columns.map(\.isNotNull) == [true, true, false, true, false, false, false])
        #expect(table.column("id")?.defaultExpression == "nextval('t_id_seq'::regclass)")
        #expect(table.column("price")?.defaultExpression == "0.00")
        #expect(table.column("at")?.defaultExpression == "now()")
        #expect(table.column("grid")?.type.arrayDimensions == 2)
        #expect(table.primaryKey?.name == "t_pkey")
        #expect(table.uniqueConstraints.map(\.name) == ["t_code_key"])
        #expect(table.checks.map(\.name) == ["t_price_check"])
        #expect(table.checks.first?.expression == "price >= 0")
        #expect(table.provenance.created == PGSchema.SourceLocation(file: "m.up.sql", line: 1, column: 1))
        #expect(table.column("code")?.provenance.created.line == 3)
    }

    @Test func quotedIdentifiersKeepCaseAndSpaces() throws {
        let s = try schema(#"CREATE TABLE "Order Items" ("Item ID" int, "select" text); COMMENT ON COLUMN "Order Items"."Item ID" IS 'x';"#)
        let table = try #require(s.table(QualifiedName("Order Items")))
        #expect(table.columns.map(\.name) == ["Item ID", "select"])
        #expect(table.column("Item ID")?.comment == "x")
    }

    @Test func skipsFunctionBodiesWithSemicolonsAndQuotes() throws {
        let s = try schema("""
            CREATE TABLE a (id int);
            CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE NOTICE 'it''s; fine'; -- ; ' inside
                RETURN NEW;
            END;
            $fn$;
            CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();
            DO $$ BEGIN PERFORM 1; END $$;
            INSERT INTO a VALUES (1); GRANT ALL ON a TO PUBLIC; SET search_path = public; BEGIN; COMMIT; ANALYZE a; VACUUM a;
            CREATE TABLE b (id int);
            """)
        #expect(s.tables.map(\.name.name) == ["a", "b"])
    }

    @Test func commentsInOddPlaces() throws {
        let s = try schema("""
            CREATE /* c1 */ TABLE -- c2
              t /* c3 /* nested */ */ ( id /* c4 */ int -- c5
              NOT /* c6 */ NULL );
            """)
        #expect(s.table(QualifiedName("t"))?.column("id")?.isNotNull == true)
    }

    @Test func alterTableWithSeveralActions() throws {
        let s = try schema("""
            CREATE TABLE t (a int, b text, c text);
            ALTER TABLE t ADD COLUMN d jsonb NOT NULL DEFAULT '{}', DROP COLUMN b, ALTER COLUMN c SET NOT NULL,
                ALTER COLUMN a TYPE bigint, ADD CONSTRAINT t_pk PRIMARY KEY (a), ALTER COLUMN c SET DEFAULT 'x';
            """)
        let table = try #require(s.table(QualifiedName("t")))
        #expect(table.columns.map { "\($0.name) \($0.type)\($0.isNotNull ? " not null" : "")" } == ["a bigint not null", "c text not null", "d jsonb not null"])
        #expect(table.primaryKey?.name == "t_pk")
        #expect(table.column("c")?.defaultExpression == "'x'")
        #expect(table.column("c")?.provenance.lastChanged.line == 2)
    }

    @Test func enumValueAddedBeforeAndAfterAnother() throws {
        let s = try schema("""
            CREATE TYPE state AS ENUM ('new', 'done');
            ALTER TYPE state ADD VALUE 'doing' BEFORE 'done';
            ALTER TYPE state ADD VALUE 'queued' AFTER 'new';
            ALTER TYPE state ADD VALUE IF NOT EXISTS 'done';
            ALTER TYPE state RENAME VALUE 'doing' TO 'in progress';
            """)
        #expect(s.enumType(QualifiedName("state"))?.labels == ["new", "queued", "in progress", "done"])
        #expect(s.enumType(QualifiedName("state"))?.provenance.lastChanged.line == 5)
    }

    @Test func columnRenamedThenRetyped() throws {
        let s = try schema("""
            CREATE TABLE t (id int PRIMARY KEY, note varchar(10));
            CREATE INDEX t_note_idx ON t (note);
            ALTER TABLE t RENAME COLUMN note TO remark;
            ALTER TABLE t ALTER COLUMN remark TYPE text;
            """)
        let table = try #require(s.table(QualifiedName("t")))
        #expect(table.columns.map(\.name) == ["id", "remark"])
        #expect(table.column("remark")?.type == ColumnType(name: "text"))
        #expect(table.indexes.first?.elements == ["remark"])
    }

    @Test func tableRenamedThenAlteredUnderItsNewName() throws {
        let s = try schema("""
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE old_name (id int, parent_id int REFERENCES parent);
            ALTER TABLE old_name RENAME TO new_name;
            ALTER TABLE new_name ADD COLUMN extra text;
            ALTER TABLE parent RENAME TO root;
            """)
        #expect(s.tables.map(\.name.name) == ["root", "new_name"])
        #expect(s.table(QualifiedName("new_name"))?.columns.map(\.name) == ["id", "parent_id", "extra"])
        #expect(s.table(QualifiedName("new_name"))?.foreignKeys.first?.referencedTable == QualifiedName("root"))
        #expect(s.table(QualifiedName("new_name"))?.foreignKeys.first?.name == "old_name_parent_id_fkey")
    }

    @Test func schemaQualifiedNamesEverywhere() throws {
        let s = try schema("""
            CREATE SCHEMA billing;
            CREATE TYPE billing.kind AS ENUM ('a');
            CREATE DOMAIN billing.cents AS bigint NOT NULL CHECK (VALUE >= 0);
            CREATE TABLE billing.invoice (id int PRIMARY KEY, kind billing.kind, total billing.cents);
            CREATE TABLE public.line (invoice_id int REFERENCES billing.invoice (id));
            """)
        #expect(s.schemas == ["billing"])
        let invoice = try #require(s.table(QualifiedName(schema: "billing", "invoice")))
        #expect(invoice.column("kind")?.type.qualifiedName == QualifiedName(schema: "billing", "kind"))
        #expect(invoice.column("total")?.type.description == "billing.cents")
        #expect(s.domain(QualifiedName(schema: "billing", "cents"))?.isNotNull == true)
        #expect(s.table(QualifiedName("line"))?.foreignKeys.first?.referencedTable == QualifiedName(schema: "billing", "invoice"))
    }

    @Test func compositeTypesDomainsIdentityAndGeneratedColumns() throws {
        let s = try schema("""
            CREATE TYPE money_amount AS (value numeric(12,2), currency char(3));
            CREATE DOMAIN slug AS text CHECK (VALUE ~ '^[a-z-]+$');
            CREATE TABLE p (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                n int GENERATED BY DEFAULT AS IDENTITY,
                price money_amount,
                handle slug,
                doubled int GENERATED ALWAYS AS (n * 2) STORED
            );
            """)
        #expect(s.composite(QualifiedName("money_amount"))?.attributes.map(\.type.description) == ["numeric(12,2)", "character(3)"])
        let table = try #require(s.table(QualifiedName("p")))
        #expect(table.column("id")?.identity == .always)
        #expect(table.column("n")?.identity == .byDefault)
        #expect(table.column("n")?.isNotNull == true)
        #expect(table.column("doubled")?.generatedExpression == "n * 2")
        #expect(table.column("handle")?.type.qualifiedName == QualifiedName("slug"))
    }

    @Test func indexesOfEveryForm() throws {
        let s = try schema("""
            CREATE TABLE t (a int, b text, tags text[]);
            CREATE INDEX ON t (a);
            CREATE INDEX ON t (a);
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_b_uq ON ONLY t USING btree (lower(b) DESC) INCLUDE (a) WHERE a > 0;
            CREATE INDEX t_tags ON t USING gin (tags);
            ALTER INDEX t_tags RENAME TO t_tags_gin;
            DROP INDEX t_a_idx1;
            """)
        let indexes = try #require(s.table(QualifiedName("t"))).indexes
        #expect(indexes.map(\.name) == ["t_a_idx", "t_b_uq", "t_tags_gin"])
        #expect(indexes[1].isUnique && indexes[1].elements == ["lower(b) DESC"] && indexes[1].include == ["a"] && indexes[1].predicate == "a > 0")
        #expect(indexes[2].method == "gin")
    }

    @Test func commentsSetAndClear() throws {
        let s = try schema("""
            CREATE TABLE t (a int);
            COMMENT ON TABLE t IS 'first';
            COMMENT ON TABLE t IS 'second' ' part';
            COMMENT ON COLUMN t.a IS 'col';
            COMMENT ON COLUMN t.a IS NULL;
            CREATE TYPE e AS ENUM ('x');
            COMMENT ON TYPE e IS E'line\\nbreak';
            """)
        #expect(s.table(QualifiedName("t"))?.comment == "second part")
        #expect(s.table(QualifiedName("t"))?.column("a")?.comment == nil)
        #expect(s.enumType(QualifiedName("e"))?.comment == "line\nbreak")
    }

    @Test func viewsAreKeptByNameAndQuery() throws {
        let s = try schema("""
            CREATE TABLE t (a int);
            CREATE VIEW v AS SELECT a FROM t;
            CREATE OR REPLACE VIEW v AS SELECT a, a * 2 AS b FROM t;
            """)
        #expect(s.views.map(\.query) == ["SELECT a, a * 2 AS b FROM t"])
    }

    @Test func dropsWithAndWithoutCascade() throws {
        let s = try schema("""
            CREATE TYPE e AS ENUM ('x');
            CREATE TABLE p (id int PRIMARY KEY, e e);
            CREATE TABLE c (p int REFERENCES p);
            DROP TYPE e CASCADE;
            DROP TABLE p CASCADE;
            DROP TABLE IF EXISTS nothing;
            """)
        #expect(s.tables.map(\.name.name) == ["c"])
        #expect(s.table(QualifiedName("c"))?.foreignKeys.isEmpty == true)
        #expect(s.enums.isEmpty)
    }

    // MARK: - Diagnostics

    @Test func referencesToWhatDoesNotExistAreLocated() {
        #expect(errors("ALTER TABLE missing ADD COLUMN x int;") == [
            "m.up.sql:1:13: error: relation \"missing\" does not exist",
        ])
        #expect(errors("CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN b SET NOT NULL;") == [
            "m.up.sql:2:15: error: column \"b\" of relation \"t\" does not exist",
        ])
        let typeErrors = errors("CREATE TABLE t (\n  a mood\n);")
        #expect(typeErrors.first == "m.up.sql:2:5: error: type \"mood\" does not exist")
        #expect(fold("CREATE TABLE t (a mood);").diagnostics.first?.note?.contains("CREATE TYPE") == true)
        #expect(errors("CREATE TABLE c (p int REFERENCES parent (id));").first?.hasPrefix("m.up.sql:1:34: error: relation \"parent\" does not exist") == true)
        #expect(errors("CREATE TABLE t (a int); CREATE INDEX ON t (nope);").count == 1)
        #expect(errors("COMMENT ON COLUMN t.a IS 'x';") == ["m.up.sql:1:19: error: relation \"t\" does not exist"])
        #expect(errors("CREATE TYPE e AS ENUM ('a'); ALTER TYPE e ADD VALUE 'b' BEFORE 'zzz';").count == 1)
        #expect(errors("CREATE TABLE t (a int); CREATE TABLE t (b int);") == ["m.up.sql:1:38: error: relation \"t\" already exists"])
        #expect(errors("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p); DROP TABLE p;").first?.contains("other objects depend on it") == true)
    }

    @Test func statementsThatWouldChangeAShapeButAreNotUnderstoodAreErrors() {
        // CREATE TABLE … AS is understood: a warning, since its columns come from a query.
        #expect(errors("CREATE TABLE t AS SELECT 1;").isEmpty)
        #expect(fold("CREATE TABLE t AS SELECT 1;").diagnostics.map(\.severity) == [.warning])
        #expect(errors("CREATE TABLE t (a int);\nALTER TABLE t ATTACH PARTITION x FOR VALUES IN (1);") == ["m.up.sql:2:32: error: relation \"x\" does not exist"])
        #expect(errors("CREATE TABLE t (a int);\nALTER TABLE t SET WITHOUT CLUSTER, FROBNICATE;").first?.hasPrefix("m.up.sql:2:36: error: ALTER TABLE action not understood") == true)
        #expect(errors("CREATE FOREIGN TABLE f (a int) SERVER s;").count == 1)
        #expect(errors("FROBNICATE everything;") == ["m.up.sql:1:1: error: statement FROBNICATE is not understood"])
        #expect(errors("CREATE TYPE r AS RANGE (subtype = int4);").count == 1)
    }

    @Test func statementCutOffAtEndOfFile() {
        #expect(errors("CREATE TABLE t (\n  a int,\n  b text") == [
            "m.up.sql:3:9: error: expected ',' or ')' after a column, found the end of the statement",
        ])
    }

    /// Found in Tests/Histories/clinic 000009 and courier's broken down files: PostgreSQL refuses
    /// anything after a DROP's names and drop behaviour (42601), the parser used to stop reading there.
    @Test func dropRefusesWordsAfterItsNamesAndDropBehaviour() {
        let setup = "CREATE TABLE t (a int);\nCREATE INDEX i ON t (a);\n"
        #expect(errors(setup + "DROP INDEX i\n\nDROP TABLE t;") == ["m.up.sql:5:1: error: expected CASCADE, RESTRICT or the end of the DROP statement, found 'DROP'"])
        #expect(errors(setup + "DROP INDEX \"i\" ON \"t\";") == ["m.up.sql:3:16: error: expected CASCADE, RESTRICT or the end of the DROP statement, found 'ON'"])
        #expect(errors(setup + "DROP TABLE \"t\" [];") == ["m.up.sql:3:16: error: expected CASCADE, RESTRICT or the end of the DROP statement, found '['"])
        #expect(errors("CREATE SCHEMA s;\nDROP SCHEMA IF EXISTS s CASCADE CASCADE;") == ["m.up.sql:2:33: error: expected CASCADE, RESTRICT or the end of the DROP statement, found 'CASCADE'"])
        #expect(errors(setup + "DROP TABLE t CASCADE RESTRICT;").count == 1)
        #expect(errors("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION f() CASCADE RESTRICT;").count == 1)
        // Still fine: one behaviour, either of them, and lists.
        #expect(errors(setup + "DROP INDEX CONCURRENTLY IF EXISTS i RESTRICT;\nDROP TABLE IF EXISTS t, u CASCADE;").isEmpty)
        #expect(errors("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION IF EXISTS f(), g(int) RESTRICT;").isEmpty)
    }

    @Test func allErrorsOfARunAreCollected() {
        #expect(errors("ALTER TABLE a ADD COLUMN x int;\nALTER TABLE b ADD COLUMN x int;\nCREATE TABLE c (x nosuchtype);").count == 3)
    }

    @Test func downFilesAreParsedButDoNotShapeTheSchema() throws {
        let folder = try TemporaryMigrations([
            "1_a.up.sql": "CREATE TABLE a (id int);",
            "1_a.down.sql": "DROP TABLE a; CREATE TABLE (;",
        ])
        defer { folder.remove() }
        let result = SchemaLoader.load(migrations: folder.path)
        #expect(result.schema.tables.map(\.name.name) == ["a"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.file.hasSuffix("1_a.down.sql") == true)
    }
}
