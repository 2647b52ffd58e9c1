import Foundation
import PGQueries
import PGSchema
import PGTestSupport
import Testing

/// The analyser offline: the corpus's expected types and nullability, the query files' own
/// syntax (annotations, named parameters), and errors at the token that causes them.
@Suite struct AnalyzerTests {
    @Test(arguments: corpus)
    func corpusQueryIsTypedAsPostgreSQLDoes(_ item: CorpusCase) throws {
        let result = analyze(item.sql)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let query = try #require(result.queries.first)
        #expect(describe(query) == item.expected)
    }

    @Test(arguments: fixtureCorpus)
    func fixtureQueryIsTypedAsPostgreSQLDoes(_ item: CorpusCase) throws {
        let result = analyze(item.sql, schema: fixtureSchema)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let query = try #require(result.queries.first)
        #expect(describe(query) == item.expected)
    }

    @Test func saasQueryFilesAnalyseWithoutErrors() {
        let result = QueryAnalyzer.analyze(directory: saasQueriesPath, schema: saasSchema)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.queries.count >= 25)
    }

    @Test func wholeRowsOfOneTableUseItsModel() throws {
        #expect(analyze("SELECT c.* FROM saas_clients c").queries.first?.rowTable == QualifiedName("saas_clients"))
        #expect(analyze("SELECT * FROM saas_clients WHERE id = $1", command: ":one").queries.first?.rowTable == QualifiedName("saas_clients"))
        // A table on the nullable side of an outer join is not its model any more.
        #expect(analyze("SELECT m.* FROM saas_clients c LEFT JOIN saas_messages m ON m.client_id = c.id").queries.first?.rowTable == nil)
        #expect(analyze("SELECT id, name FROM saas_clients").queries.first?.rowTable == nil)
    }

    @Test func annotationsDocumentationAndCommands() throws {
        let sql = """
            -- The file's own comment.

            -- Finds a client.
            -- Second line.
            -- name: FindClient :one
            SELECT id FROM saas_clients WHERE id = @id;

            -- name: Touch :execrows
            UPDATE saas_clients SET updated_at = now() WHERE id = $1;
            """
        let result = QueryAnalyzer.analyze(sql: sql, schema: saasSchema)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.queries.map(\.name) == ["FindClient", "Touch"])
        #expect(result.queries.map(\.command) == [.one, .execrows])
        #expect(result.queries[0].doc == ["Finds a client.", "Second line."])
        #expect(result.queries[0].sql == "SELECT id FROM saas_clients WHERE id = $1")
        #expect(result.queries[0].location.line == 6)
        #expect(result.queries[1].parameters.map(\.name) == ["id"])
    }

    @Test func namedParametersAreRewrittenInOrderOfFirstUse() throws {
        let result = analyze("SELECT id FROM saas_clients WHERE slug = @slug OR email = sqlc.arg(email) OR slug = @slug OR id IN (sqlc.slice(ids)) OR id NOT IN (sqlc.slice(others))")
        let query = try #require(result.queries.first, "\(result.diagnostics)")
        #expect(query.sql == "SELECT id FROM saas_clients WHERE slug = $1 OR email = $2 OR slug = $1 OR id = ANY($3) OR id <> ALL($4)")
        #expect(query.parameters.map(\.name) == ["slug", "email", "ids", "others"])
        #expect(query.parameters.map(\.isSlice) == [false, false, true, true])
    }

    @Test func parametersGluedToOperatorsAreFound() throws {
        let query = try #require(analyze("SELECT id FROM saas_clients WHERE monthly_message_quota>=@least").queries.first)
        #expect(query.sql == "SELECT id FROM saas_clients WHERE monthly_message_quota>=$1")
        #expect(query.parameters.first?.type == ColumnType(name: "integer"))
    }

    // MARK: - Errors at the token

    func firstError(_ sql: String) -> Diagnostic? {
        analyze(sql).diagnostics.first { $0.severity == .error }
    }

    @Test func unknownColumnPointsAtIt() throws {
        let error = try #require(firstError("SELECT id,\n       nmae FROM saas_clients"))
        #expect(error.message == "column \"nmae\" does not exist")
        #expect(error.location.line == 3)
        #expect(error.location.column == 8)
    }

    @Test func ambiguousColumnIsAnError() throws {
        let error = try #require(firstError("SELECT id FROM saas_clients c JOIN saas_messages m ON m.client_id = c.id"))
        #expect(error.message == "column reference \"id\" is ambiguous")
        #expect(error.location.column == 8)
        // USING merges the column, so it is no longer ambiguous.
        #expect(analyze("SELECT client_id FROM saas_messages JOIN saas_conversations USING (client_id)").diagnostics.isEmpty)
        #expect(firstError("SELECT id FROM saas_clients NATURAL JOIN saas_credits") == nil)
    }

    @Test func untypedParameterAsksForACast() throws {
        let error = try #require(firstError("SELECT @anything AS x"))
        #expect(error.message == "could not determine the type of parameter @anything")
        #expect(error.note?.contains("@anything::text") == true)
        #expect(error.location.column == 8)
        let nullTest = try #require(firstError("SELECT id FROM saas_clients WHERE @p IS NULL"))
        #expect(nullTest.note?.contains("::") == true)
    }

    @Test func operatorMismatchSuggestsACast() throws {
        let error = try #require(firstError("SELECT id FROM saas_clients WHERE id = 42"))
        #expect(error.message == "operator does not exist: uuid = integer")
        #expect(error.note?.contains("cast") == true)
    }

    @Test func unknownTablesFunctionsAndAliases() throws {
        #expect(firstError("SELECT 1 FROM saas_client")?.message == "relation \"saas_client\" does not exist")
        #expect(firstError("SELECT frobnicate(name) FROM saas_clients")?.message == "function frobnicate is not in the catalog")
        #expect(firstError("SELECT x.id FROM saas_clients c")?.message == "missing FROM-clause entry for table \"x\"")
        #expect(firstError("SELECT c.nope FROM saas_clients c")?.message == "column c.nope does not exist")
        #expect(firstError("SELECT 1 FROM saas_clients c, saas_messages c")?.message == "table name \"c\" specified more than once")
        #expect(firstError("SELECT id FROM saas_clients JOIN saas_messages USING (nope)")?.message == "column \"nope\" specified in USING clause does not exist in left table")
        #expect(firstError("UPDATE saas_credits SET (credits_used, messages_count) = (SELECT 1)")?.message == "number of columns does not match number of values")
        #expect(firstError("UPDATE saas_credits SET (credits_used, messages_count) = (SELECT 1, now())")?.message == "column \"messages_count\" is of type integer but expression is of type timestamp with time zone")
        // A sub-query's parameters are text, as PostgreSQL types them there.
        #expect(firstError("UPDATE saas_credits SET (messages_count, closed_at) = (SELECT $1, $2)")?.message == "column \"messages_count\" is of type integer but expression is of type text")
        // Arguments by name are matched by position: a mismatch says so instead of hiding the name.
        #expect(firstError("SELECT make_interval(days => 1)")?.message == "function make_interval(integer) does not exist: arguments given by name are matched by position here")
        #expect(analyze("SELECT make_interval(years => 0, months => 0, weeks => 0, days => $1::int, hours => 0, mins => 0, secs => 0) AS span").diagnostics.isEmpty)
    }

    @Test func setOperationsMustMatch() throws {
        #expect(firstError("SELECT id FROM saas_clients UNION SELECT id, name FROM saas_clients")?.message == "each UNION query must have the same number of columns")
        #expect(firstError("SELECT id FROM saas_clients UNION SELECT created_at FROM saas_clients")?.message == "UNION types uuid and timestamp with time zone cannot be matched")
    }

    @Test func assignmentsAreChecked() throws {
        let error = try #require(firstError("UPDATE saas_clients SET monthly_message_quota = now()"))
        #expect(error.message == "column \"monthly_message_quota\" is of type integer but expression is of type timestamp with time zone")
        #expect(firstError("INSERT INTO saas_clients (nope) VALUES (1)")?.message == "column \"nope\" of relation \"saas_clients\" does not exist")
    }

    @Test func fileLevelProblems() throws {
        let missing = QueryAnalyzer.analyze(sql: "SELECT 1;", schema: saasSchema)
        #expect(missing.diagnostics.first?.message == "query has no annotation")
        let command = QueryAnalyzer.analyze(sql: "-- name: X :batchexec\nSELECT 1;", schema: saasSchema)
        #expect(command.diagnostics.first?.message.contains("unsupported command") == true)
        let duplicate = QueryAnalyzer.analyze(sql: "-- name: X :one\nSELECT 1;\n-- name: X :one\nSELECT 2;", schema: saasSchema)
        #expect(duplicate.diagnostics.first?.message == "a query named X is already defined")
        let rows = QueryAnalyzer.analyze(sql: "-- name: X :many\nDELETE FROM saas_clients;", schema: saasSchema)
        #expect(rows.diagnostics.first?.message == "a :many query must return rows")
    }

    @Test func catalogIsExtensible() throws {
        let catalog = try Catalog.standard.adding(["slugify(text) -> text", "text <-> text -> float4"])
        let result = QueryAnalyzer.analyze(sql: "-- name: Q :many\nSELECT slugify(name) AS s, name <-> 'x' AS d FROM saas_clients", schema: saasSchema, catalog: catalog)
        let query = try #require(result.queries.first, "\(result.diagnostics)")
        #expect(describe(query) == ["s text NOT NULL", "d real NOT NULL"])
        #expect(throws: CatalogError.self) { try Catalog.standard.adding(["broken"]) }
    }

    @Test func viewsAreTypedFromTheirQuery() throws {
        let folder = try TemporaryFolder(files: [
            "000001_views.up.sql": """
                CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL, note text);
                CREATE VIEW v AS SELECT id, name, note, id * 2 AS doubled FROM t;
                CREATE VIEW w AS SELECT v.name, count(*) AS n FROM v GROUP BY v.name;
                """,
        ])
        defer { folder.remove() }
        let folded = SchemaLoader.load(migrations: folder.path)
        #expect(!folded.hasErrors, "\(folded.diagnostics)")
        let result = analyze("SELECT v.name, v.note, v.doubled, w.n FROM v JOIN w USING (name)", schema: folded.schema)
        let query = try #require(result.queries.first, "\(result.diagnostics)")
        #expect(describe(query) == ["name text NOT NULL", "note text", "doubled integer NOT NULL", "n bigint NOT NULL"])
    }
}

extension AnalyzerTests {
    /// Every prefix of every corpus query, and each with one character dropped: the analyser
    /// reports an error or types it, and never crashes or hangs.
    @Test func brokenQueriesGiveDiagnosticsNotCrashes() {
        var analysed = 0
        for item in corpus + fixtureCorpus {
            let characters = Array(item.sql)
            for cut in stride(from: 1, to: characters.count, by: 4) {
                let prefix = String(characters[..<cut])
                let dropped = String(characters[..<cut] + characters[(cut + 1)...])
                for sql in [prefix, dropped] {
                    let result = QueryAnalyzer.analyze(sql: "-- name: Q :many\n" + sql, schema: saasSchema)
                    #expect(!result.queries.isEmpty || !result.diagnostics.isEmpty)
                    analysed += 1
                }
            }
        }
        #expect(analysed > 4000)
    }
}
