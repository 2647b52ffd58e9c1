import Foundation
import PGCodegen
import PGQueries
import PGSchema
import PGTestSupport
import Testing

/// The Swift written for typed queries: snippets of SQL in, snippets of Swift out.
@Suite struct RenderingTests {
    func render(migrations: String, queries: String) throws -> String {
        let folder = try TemporaryFolder(files: ["000001_schema.up.sql": migrations])
        defer { folder.remove() }
        let models = Generator.generate(migrations: folder.path, moduleName: "Shop")
        let schema = try #require(models.schema, "\(models.diagnostics)")
        let analysed = QueryAnalyzer.analyze(sql: queries, path: "shop.sql", schema: schema)
        #expect(!analysed.hasErrors, "\(analysed.diagnostics)")
        let output = QueryFileGenerator.render(analysed.queries, schema: schema, moduleName: "Shop", tableTypeNames: models.tableTypeNames, sourceDescription: "shop.sql")
        return try #require(output.file?.contents, "\(output.diagnostics)")
    }

    @Test func functionsRowsAndScalars() throws {
        let swift = try render(
            migrations: "CREATE TABLE items (id bigint PRIMARY KEY, title text NOT NULL, price numeric(10,2));",
            queries: """
                -- The item's title.
                -- name: ItemTitle :one
                SELECT title FROM items WHERE id = @id;

                -- name: CheapItems :many
                SELECT id, price FROM items WHERE price < @below;

                -- name: AllItems :many
                SELECT * FROM items;

                -- name: Reprice :execrows
                UPDATE items SET price = sqlc.narg(price) WHERE id = ANY(sqlc.slice(ids));
                """
        )
        #expect(swift.contains("public enum ShopQueries {"))
        #expect(swift.contains("""
                /// The item's title.
                ///
                /// From shop.sql:3.
                public static func itemTitle(id: Int64, on db: some PGExecutor) async throws -> String? {
                    try await ItemTitle.statement.fetchOne([id.pgBind], on: db)?.title
                }
            """))
        #expect(swift.contains("public static func cheapItems(below: Decimal, on db: some PGExecutor) async throws -> [CheapItems.Row] {"))
        // `price < @below` lets no NULL price through.
        #expect(swift.contains("public var price: Decimal\n"))
        #expect(swift.contains("public static let statement = PGQuery<Item>(\"SELECT * FROM items\")"))
        #expect(swift.contains("public static func allItems(on db: some PGExecutor) async throws -> [Item] {"))
        #expect(swift.contains("@discardableResult\n    public static func reprice(price: Decimal?, ids: [Int64], on db: some PGExecutor) async throws -> Int {"))
        #expect(swift.contains("self.price = try row.decode(Decimal.self, at: 1, table: \"CheapItems\")"))
    }

    @Test func rowsOfATableAnotherTargetModelsGetARowStruct() throws {
        let folder = try TemporaryFolder(files: ["000001_schema.up.sql": "CREATE TABLE items (id bigint PRIMARY KEY, title text NOT NULL);"])
        defer { folder.remove() }
        var config = GeneratorConfig()
        config.include = []
        let models = Generator.generate(schema: try #require(Generator.generate(migrations: folder.path, moduleName: "Shop").schema), moduleName: "Shop", config: config)
        let schema = try #require(models.schema)
        let analysed = QueryAnalyzer.analyze(sql: "-- name: AllItems :many\nSELECT * FROM items;", path: "shop.sql", schema: schema)
        let swift = try #require(QueryFileGenerator.render(analysed.queries, schema: schema, moduleName: "Shop", config: config, tableTypeNames: models.tableTypeNames, sourceDescription: "shop.sql").file?.contents)
        // `Item` lives in another target, which this one need not import.
        #expect(swift.contains("public static func allItems(on db: some PGExecutor) async throws -> [AllItems.Row] {"), "\(swift)")
        #expect(!swift.contains("PGQuery<Item>"))
    }

    @Test func enumNamesAreTheModelsOwnEvenWhenNumbered() throws {
        // The table takes the name UserStatus, so the enum is UserStatus2 in the models; queries agree.
        let swift = try render(
            migrations: """
                CREATE TYPE user_status AS ENUM ('active', 'blocked');
                CREATE TABLE user_statuses (id integer PRIMARY KEY, status user_status NOT NULL, note text);
                """,
            queries: "-- name: Statuses :many\nSELECT status, note FROM user_statuses WHERE status <> @not_status;"
        )
        #expect(swift.contains("public var status: UserStatus2"))
        #expect(swift.contains("notStatus: UserStatus2"))
    }

    @Test func manyParametersComeAsAParamsStruct() throws {
        let swift = try render(
            migrations: "CREATE TABLE t (id integer PRIMARY KEY, a text NOT NULL, b text, c integer NOT NULL, d date, e boolean NOT NULL);",
            queries: "-- name: AddT :exec\nINSERT INTO t (id, a, b, c, d, e) VALUES (@id, @a, @b, @c, @d, @e);"
        )
        #expect(swift.contains("public struct Params: Hashable, Sendable {"))
        #expect(swift.contains("public init(id: Int32, a: String, b: String? = nil, c: Int32, d: PGDate? = nil, e: Bool) {"))
        #expect(swift.contains("public static func addT(_ params: AddT.Params, on db: some PGExecutor) async throws {"))
        #expect(swift.contains("_ = try await AddT.statement.execute([params.id.pgBind, params.a.pgBind, params.b.pgBind, params.c.pgBind, params.d.pgBind, params.e.pgBind], on: db)"))
    }

    @Test func aTypeWithoutSwiftTypeIsAnErrorAtTheQuery() throws {
        let folder = try TemporaryFolder(files: ["000001_schema.up.sql": "CREATE TABLE t (id integer PRIMARY KEY);"])
        defer { folder.remove() }
        let models = Generator.generate(migrations: folder.path, moduleName: "Shop")
        let schema = try #require(models.schema)
        let analysed = QueryAnalyzer.analyze(sql: "-- name: Pairs :many\nSELECT ROW(id, id) AS pair FROM t;", path: "shop.sql", schema: schema)
        let error = try #require(analysed.diagnostics.first)
        #expect(error.message.contains("is a record, which has no Swift type"))
        #expect(error.location.line == 2)
    }
}
