import Foundation
import PGClient
import PGQueries
import PGRecord
import PGSchema
import PGTestSupport
import Testing
import ViewModels

/// Views: typed by the analyser (checked against PostgreSQL's description of `SELECT * FROM view`),
/// and their generated read-only models run on a real database.
@Suite struct ViewModelTests {
    static var viewsMigrationsPath: String { repositoryRoot + "/Tests/Fixtures/views" }

    /// Each view's typed columns, by name and type, as PostgreSQL describes `SELECT * FROM view`.
    static func expectColumnsAsPostgreSQLDescribes(_ views: [AnalyzedView], on connection: PGConnection) throws {
        for view in views {
            let description = try connection.describe("SELECT * FROM \"\(view.name.schema)\".\"\(view.name.name)\"")
            var server: [String] = []
            for column in description.columns {
                let rows = try connection.query("SELECT format_type($1::oid, NULL)", [String(column.typeOID).pgBind])
                server.append("\(column.name) \(rows.first?[0] ?? "?")")
            }
            #expect(server == view.columns.map { "\($0.name) \(QueryComparison.plainTypeName($0.type))" }, "\(view.name)")
        }
    }

    /// The views of `sql`, folded and typed; either step's diagnostics fail the test.
    static func typedViews(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [AnalyzedView] {
        let folded = SchemaLoader.fold(sql: sql)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)", sourceLocation: sourceLocation)
        let (views, diagnostics) = QueryAnalyzer.analyzeViews(schema: folded.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
        return views
    }

    /// A view naming a column by more than 63 bytes finds it, as PostgreSQL cuts the name.
    @Test func viewsFindLongColumnNames() throws {
        let long = "a_very_long_column_name_that_goes_on_and_on_beyond_the_limit_of_postgres"
        let views = Self.typedViews("CREATE TABLE t (\(long) int NOT NULL);\nCREATE VIEW v AS SELECT t.\(long), \(long.uppercased()) + 1 AS next FROM t;")
        #expect(views.first?.columns.map(\.name) == [String(long.prefix(63)), "next"])
    }

    @Test func viewColumnsAgreeWithPostgreSQL() throws {
        let folded = SchemaLoader.load(migrations: Self.viewsMigrationsPath)
        #expect(!folded.hasErrors, "\(folded.diagnostics)")
        let (views, diagnostics) = QueryAnalyzer.analyzeViews(schema: folded.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(views.map(\.name.name) == ["reachable_customers", "customer_totals", "daily_sales"])
        // CREATE OR REPLACE VIEW added the phone column, NOT NULL in the view by its WHERE.
        #expect(views[0].columns.map { "\($0.name) \(QueryComparison.plainTypeName($0.type))\($0.isNotNull ? " NOT NULL" : "")" } == [
            "id uuid NOT NULL", "email text NOT NULL", "name text NOT NULL", "phone text NOT NULL",
        ])
        #expect(views[1].columns.map { "\($0.name) \(QueryComparison.plainTypeName($0.type))\($0.isNotNull ? " NOT NULL" : "")" } == [
            "customer_id uuid NOT NULL", "name text NOT NULL", "orders bigint NOT NULL", "spent numeric", "last_order timestamp with time zone",
        ])
        #expect(views[2].isMaterialized)
        #expect(views[0].readsOneTable && !views[1].readsOneTable && !views[2].readsOneTable)
        try QueryOracleTests.withDatabase(migrations: Self.viewsMigrationsPath) { connection in
            try Self.expectColumnsAsPostgreSQLDescribes(views, on: connection)
        }
    }

    @Test func aViewOnAMissingColumnIsAWarningAtItsMigration() throws {
        var schema = SchemaLoader.load(migrations: Self.viewsMigrationsPath).schema
        let index = try #require(schema.tables.firstIndex { $0.name.name == "customers" })
        schema.tables[index].columns.removeAll { $0.name == "phone" }
        let (views, diagnostics) = QueryAnalyzer.analyzeViews(schema: schema)
        #expect(!views.contains { $0.name.name == "reachable_customers" })
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("column \"phone\" does not exist"))
        #expect(warning.location.file.hasSuffix("000001_shop.up.sql"))
    }

    /// PostgreSQL binds a view to the columns it read, not to their names: after a column or table
    /// is renamed the view still reads it (under the new name), and a column added later is not part
    /// of its `*`. The view's text, as the migrations wrote it, names them as they were; the typed
    /// columns are checked against PostgreSQL's own description of the views.
    @Test func viewsReadWhatTheyReadWhenCreated() throws {
        let sql = """
            CREATE TABLE bookings (id int PRIMARY KEY, organizer_id int NOT NULL, room text, starts date);
            CREATE VIEW occupancy AS SELECT count(DISTINCT b.organizer_id) AS organizers, organizer_id FROM bookings b GROUP BY organizer_id;
            CREATE VIEW everything AS SELECT * FROM bookings;
            CREATE VIEW rooms AS SELECT room FROM bookings;
            CREATE VIEW busy_rooms AS SELECT r.room FROM rooms r WHERE r.room IS NOT NULL;
            ALTER TABLE bookings RENAME COLUMN organizer_id TO owner_id;
            ALTER TABLE bookings RENAME COLUMN room TO room_old;
            ALTER TABLE bookings ADD COLUMN room uuid;
            ALTER TABLE bookings ADD COLUMN note text;
            ALTER TABLE bookings RENAME TO reservations;
            ALTER TABLE reservations ALTER COLUMN owner_id DROP NOT NULL;
            CREATE TABLE bookings (other bigint);
            ALTER VIEW rooms RENAME TO room_names;
            CREATE VIEW later AS SELECT owner_id, room FROM reservations;
            """
        let folded = SchemaLoader.fold(sql: sql)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)")
        let (views, diagnostics) = QueryAnalyzer.analyzeViews(schema: folded.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        func described(_ name: String) -> [String] {
            views.first { $0.name.name == name }?.columns.map { "\($0.name) \(QueryComparison.plainTypeName($0.type))\($0.isNotNull ? " NOT NULL" : "")" } ?? []
        }
        #expect(described("occupancy") == ["organizers bigint NOT NULL", "organizer_id integer"])
        #expect(described("everything") == ["id integer NOT NULL", "organizer_id integer", "room text", "starts date"])
        #expect(described("room_names") == ["room text"])
        #expect(described("busy_rooms") == ["room text NOT NULL"])
        #expect(described("later") == ["owner_id integer", "room uuid"])
        // Dropping the renamed column with CASCADE drops the views that read it, by any name.
        let drop = "ALTER TABLE reservations DROP COLUMN owner_id CASCADE;"
        let dropped = SchemaLoader.fold(sql: sql + "\n" + drop)
        #expect(dropped.diagnostics.isEmpty, "\(dropped.diagnostics)")
        #expect(dropped.schema.views.map(\.name.name).sorted() == ["busy_rooms", "room_names"])
        // A column added after a view is not the view's, even when it takes a name the view's text
        // uses (`room`): dropping it drops only the view created after it.
        let added = SchemaLoader.fold(sql: sql + "\nALTER TABLE reservations DROP COLUMN room CASCADE;\nALTER TABLE reservations DROP COLUMN note CASCADE;")
        #expect(added.diagnostics.isEmpty, "\(added.diagnostics)")
        #expect(added.schema.views.map(\.name.name) == ["occupancy", "everything", "room_names", "busy_rooms"])

        let folder = try TemporaryFolder(files: ["000001_views.up.sql": sql])
        defer { folder.remove() }
        try QueryOracleTests.withDatabase(migrations: folder.path) { connection in
            try Self.expectColumnsAsPostgreSQLDescribes(views, on: connection)
            try connection.execute("ALTER TABLE reservations DROP COLUMN room CASCADE; ALTER TABLE reservations DROP COLUMN note CASCADE")
            #expect(try connection.query("SELECT count(*) FROM pg_views WHERE schemaname = 'public'").first?[0] == "4")
            try connection.execute(drop)
            let remaining = try connection.query("SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname")
            #expect(remaining.map { $0[0] } == ["busy_rooms", "room_names"])
        }
    }

    /// `ALTER VIEW … RENAME COLUMN` (and `ALTER TABLE` or `ALTER MATERIALIZED VIEW` doing the
    /// same) renames the view's column; a view reading it keeps its own column names and still
    /// reads it, though its text says the old name. Checked against PostgreSQL's description.
    @Test func viewColumnsRenamed() throws {
        let sql = """
            CREATE TABLE t (a int NOT NULL, b text, c date);
            CREATE VIEW v AS SELECT a, b, c FROM t;
            CREATE VIEW outer_v AS SELECT v.b, a FROM v WHERE a > 0;
            CREATE VIEW star AS SELECT * FROM v;
            ALTER VIEW v RENAME COLUMN a TO id;
            ALTER VIEW IF EXISTS v RENAME b TO note;
            ALTER TABLE v RENAME COLUMN c TO tmp;
            ALTER TABLE v RENAME COLUMN note TO c;
            ALTER TABLE v RENAME COLUMN tmp TO note;
            CREATE VIEW later AS SELECT id, note FROM v;
            CREATE MATERIALIZED VIEW m (x) AS SELECT a, b FROM t;
            ALTER MATERIALIZED VIEW m RENAME COLUMN b TO label;
            COMMENT ON COLUMN v.id IS 'the key';
            CREATE VIEW replaced AS SELECT a FROM t;
            ALTER VIEW replaced RENAME COLUMN a TO k;
            CREATE OR REPLACE VIEW replaced AS SELECT a AS k, b FROM t;
            """
        let views = Self.typedViews(sql)
        #expect(views.map { "\($0.name.name): \($0.columns.map(\.name).joined(separator: " "))" } == [
            "v: id c note", "outer_v: b a", "star: a b c", "later: id note", "m: x label", "replaced: k b",
        ])
        let folder = try TemporaryFolder(files: ["000001_views.up.sql": sql])
        defer { folder.remove() }
        try QueryOracleTests.withDatabase(migrations: folder.path) { connection in
            try Self.expectColumnsAsPostgreSQLDescribes(views, on: connection)
        }
        // PostgreSQL refuses these; so does the fold.
        for (statement, message) in [
            ("ALTER VIEW nowhere RENAME COLUMN a TO b;", "relation \"nowhere\" does not exist"),
            ("ALTER VIEW v RENAME COLUMN id TO id;", "column \"id\" of relation \"v\" already exists"),
        ] {
            let refused = SchemaLoader.fold(sql: sql + "\n" + statement)
            #expect(refused.diagnostics.map(\.message) == [message], "\(statement)")
        }
        // IF EXISTS skips a missing view, as PostgreSQL does.
        #expect(SchemaLoader.fold(sql: sql + "\nALTER MATERIALIZED VIEW IF EXISTS nowhere RENAME COLUMN a TO b;").diagnostics.isEmpty)
        // Onto a name the view has: the fold cannot see the view's columns, the analyser can; the
        // view gets no model (a warning) rather than a model with two properties of one name.
        let collided = SchemaLoader.fold(sql: sql + "\nALTER VIEW v RENAME COLUMN c TO id;")
        let (collidedViews, collision) = QueryAnalyzer.analyzeViews(schema: collided.schema)
        #expect(!collidedViews.contains { $0.name.name == "v" })
        #expect(collision.contains { $0.severity == .warning && $0.message.contains("column \"id\" of view v already exists") }, "\(collision)")
    }

    /// `CREATE OR REPLACE VIEW` may add columns at the end; a view created before over `*` of it
    /// keeps the columns it had (PostgreSQL expanded the `*` when it was created).
    @Test func viewsOverAWidenedView() throws {
        let sql = """
            CREATE TABLE t (a int NOT NULL, b text, c date);
            CREATE VIEW inner_v AS SELECT a FROM t;
            CREATE VIEW outer_v AS SELECT * FROM inner_v;
            CREATE VIEW aliased AS SELECT i.*, 1 AS one FROM inner_v i;
            CREATE OR REPLACE VIEW inner_v AS SELECT a, b FROM t;
            CREATE VIEW middle AS SELECT * FROM inner_v;
            CREATE OR REPLACE VIEW inner_v AS SELECT a, b, c FROM t;
            ALTER VIEW inner_v RENAME COLUMN a TO id;
            CREATE VIEW later AS SELECT * FROM inner_v;
            """
        let views = Self.typedViews(sql)
        #expect(views.map { "\($0.name.name): \($0.columns.map(\.name).joined(separator: " "))" } == [
            "inner_v: id b c", "outer_v: a", "aliased: a one", "middle: a b", "later: id b c",
        ])
        let folder = try TemporaryFolder(files: ["000001_views.up.sql": sql])
        defer { folder.remove() }
        try QueryOracleTests.withDatabase(migrations: folder.path) { connection in
            try Self.expectColumnsAsPostgreSQLDescribes(views, on: connection)
        }
    }

    /// A column list names the view's first columns; `WITH … CHECK OPTION`, a materialized view's
    /// `USING` and `TABLESPACE` are not part of the query.
    @Test func columnListsAndOptionsOfViews() throws {
        let sql = """
            CREATE TABLE t (a int NOT NULL, b text, c date);
            CREATE VIEW named (x, "Y") AS SELECT a, b, c FROM t;
            CREATE OR REPLACE VIEW named (x, "Y") AS SELECT a, b, c, 1 AS d FROM t;
            CREATE VIEW cascaded AS SELECT a, b FROM t WHERE a > 0 WITH CASCADED CHECK OPTION;
            CREATE VIEW local (k) AS SELECT a FROM t WHERE a > 0
              WITH LOCAL CHECK OPTION;
            CREATE VIEW plain WITH (security_barrier) AS SELECT c FROM t WITH CHECK OPTION;
            CREATE MATERIALIZED VIEW totals (n) USING heap WITH (fillfactor = 90) TABLESPACE pg_default AS SELECT count(*) FROM t WITH NO DATA;
            """
        let folded = SchemaLoader.fold(sql: sql)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)")
        let (views, diagnostics) = QueryAnalyzer.analyzeViews(schema: folded.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(views.map { $0.columns.map(\.name).joined(separator: " ") } == ["x Y c d", "a b", "k", "c", "n"])
        let folder = try TemporaryFolder(files: ["000001_views.up.sql": sql])
        defer { folder.remove() }
        try QueryOracleTests.withDatabase(migrations: folder.path) { connection in
            try Self.expectColumnsAsPostgreSQLDescribes(views, on: connection)
        }
    }

    /// A view reads the tables of a renamed schema by the names its text wrote.
    @Test func aViewFollowsItsTablesIntoARenamedSchema() throws {
        let folded = SchemaLoader.fold(sql: "CREATE SCHEMA a; CREATE TABLE a.t (id int); CREATE VIEW v AS SELECT * FROM a.t; ALTER SCHEMA a RENAME TO b;")
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)")
        let (views, diagnostics) = QueryAnalyzer.analyzeViews(schema: folded.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(views.map { $0.columns.map(\.name) } == [["id"]])
    }

    /// A view's unqualified names are looked for along the `search_path` it was created under.
    @Test func aViewReadsAlongTheSearchPathItWasCreatedUnder() throws {
        let sql = """
            CREATE SCHEMA app;
            CREATE TABLE notes (id int, body text);
            CREATE TABLE app.notes (id bigint NOT NULL, title text, due date);
            CREATE TABLE app.tags (note_id bigint, tag text);
            SET search_path TO app, public;
            CREATE VIEW open_notes AS SELECT n.id, n.title, t.tag FROM notes n LEFT JOIN tags t ON t.note_id = n.id;
            CREATE VIEW public.all_notes AS SELECT * FROM notes;
            RESET search_path;
            ALTER TABLE app.notes RENAME COLUMN title TO heading;
            CREATE VIEW plain_notes AS SELECT * FROM notes;
            """
        let views = Self.typedViews(sql)
        #expect(views.map { "\($0.name.name): \($0.columns.map(\.name).joined(separator: " "))" } == [
            "open_notes: id title tag", "all_notes: id title due", "plain_notes: id body",
        ])
        let folder = try TemporaryFolder(files: ["000001_views.up.sql": sql])
        defer { folder.remove() }
        try QueryOracleTests.withDatabase(migrations: folder.path) { connection in
            try Self.expectColumnsAsPostgreSQLDescribes(views, on: connection)
        }
    }

    @Test func viewModelsAndQueriesRunEndToEnd() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            let db = try PGConnection(config: config)
            defer { db.close() }
            try db.execute(try String(contentsOfFile: Self.viewsMigrationsPath + "/000001_shop.up.sql", encoding: .utf8))
            let ana = UUID()
            let budi = UUID()
            _ = try await db.execute("INSERT INTO customers (id, email, name, phone) VALUES ($1, 'ana@example.com', 'Ana', '+621'), ($2, 'budi@example.com', 'Budi', NULL)", [ana.pgBind, budi.pgBind])
            let order = try #require(try await ViewQueries.placeOrder(customerID: ana, total: Decimal(string: "12.50")!, on: db))
            #expect(order.state == .open)
            _ = try await ViewQueries.placeOrder(customerID: ana, total: Decimal(30), on: db)
            #expect(try await ViewQueries.customerOrders(customerID: ana, on: db).count == 2)

            #expect(try await ReachableCustomer.count(on: db) == 1)
            #expect(try await ReachableCustomer.fetchAll(on: db).map(\.name) == ["Ana"])
            #expect(try await ReachableCustomer.find(id: ana, on: db)?.phone == "+621")
            #expect(try await ReachableCustomer.find(email: "budi@example.com", on: db) == nil)

            let totals = try await CustomerTotal.fetchAll(orderBy: .name, on: db)
            #expect(totals.map(\.name) == ["Ana", "Budi"])
            #expect(totals[0].spent == Decimal(string: "42.50")!)
            #expect(totals[1].orders == 0)
            #expect(totals[1].spent == nil)
            #expect(try await CustomerTotal.fetch(customerID: budi, on: db).map(\.orders) == [0])
            #expect(try await ViewQueries.bigSpenders(atLeast: Decimal(40), on: db).map(\.name) == ["Ana"])

            #expect(try await DailySale.count(on: db) == 0)
            try await DailySale.refresh(on: db)
            #expect(try await DailySale.fetchAll(on: db).first?.revenue == Decimal(string: "42.50")!)
            try await DailySale.refresh(concurrently: true, on: db)
            #expect(try await DailySale.count(on: db) == 1)
        }
    }
}
