import Foundation
import PGClient
import PGQueries
import PGRecord
import PGSchema
import PGTestSupport
import Testing

/// The analyser against PostgreSQL itself: each query of the corpus and of queries/saas is
/// prepared on a database migrated with the saas migrations, and PostgreSQL's own parameter and
/// result column types (`PQdescribePrepared`) are compared with the inferred ones.
@Suite(.serialized) struct QueryOracleTests {
    /// Applies the saas up migrations, in order, to a fresh database.
    @discardableResult
    static func withSaasDatabase<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try withDatabase(migrations: saasMigrationsPath, body)
    }

    /// Applies a module's up migrations, in order, to a fresh database.
    @discardableResult
    static func withDatabase<T>(migrations: String, _ body: (PGConnection) throws -> T) throws -> T {
        try TestPostgres.withDatabase { config in
            let connection = try PGConnection(config: config)
            defer { connection.close() }
            let folder = URL(fileURLWithPath: migrations)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".up.sql") }.sorted()
            for file in files {
                try connection.execute(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            }
            return try body(connection)
        }
    }

    /// Differences between the analyser and PostgreSQL for one query, as readable lines.
    static func differences(_ query: AnalyzedQuery, on connection: PGConnection, names: inout [UInt32: String]) throws -> [String] {
        let description = try connection.describe(query.sql)
        func name(_ oid: UInt32) throws -> String {
            if let known = names[oid] { return known }
            let rows = try connection.query("SELECT format_type($1::oid, NULL)", [String(oid).pgBind])
            let text = rows.first?[0] ?? "oid \(oid)"
            names[oid] = text
            return text
        }
        var lines: [String] = []
        let server = try description.columns.map { "\($0.name) \(try name($0.typeOID))" }
        let ours = query.columns.map { "\($0.name) \(plain($0.type))" }
        if server != ours { lines.append("columns: PostgreSQL \(server), analyser \(ours)") }
        let serverParameters = try description.parameterTypes.map(name)
        let ourParameters = query.parameters.map { plain($0.type) }
        if serverParameters != ourParameters { lines.append("parameters: PostgreSQL \(serverParameters), analyser \(ourParameters)") }
        return lines
    }

    @Test func corpusAndSaasQueriesAgreeWithPostgreSQL() throws {
        var queries: [AnalyzedQuery] = []
        for (index, item) in corpus.enumerated() {
            let result = QueryAnalyzer.analyze(sql: "-- name: Corpus\(index) :many\n" + item.sql, schema: saasSchema)
            #expect(result.diagnostics.isEmpty, "\(item.sql): \(result.diagnostics)")
            queries += result.queries
        }
        let files = QueryAnalyzer.analyze(directory: saasQueriesPath, schema: saasSchema)
        #expect(files.diagnostics.isEmpty, "\(files.diagnostics)")
        queries += files.queries
        #expect(queries.count >= 115)
        try Self.withSaasDatabase { connection in
            var names: [UInt32: String] = [:]
            var report: [String] = []
            for query in queries {
                do {
                    let lines = try Self.differences(query, on: connection, names: &names)
                    if !lines.isEmpty { report.append("\(query.name) (\(query.location)): \(query.sql)\n  " + lines.joined(separator: "\n  ")) }
                } catch {
                    report.append("\(query.name) (\(query.location)): PostgreSQL refused it: \(error)")
                }
            }
            #expect(report.isEmpty, "\(report.count) of \(queries.count) queries differ:\n\(report.joined(separator: "\n"))")
        }
    }

    @Test func fixtureCorpusAgreesWithPostgreSQL() throws {
        var queries: [AnalyzedQuery] = []
        for (index, item) in fixtureCorpus.enumerated() {
            let result = QueryAnalyzer.analyze(sql: "-- name: Fixture\(index) :many\n" + item.sql, schema: fixtureSchema)
            #expect(result.diagnostics.isEmpty, "\(item.sql): \(result.diagnostics)")
            queries += result.queries
        }
        try Self.withDatabase(migrations: fixtureMigrationsPath) { connection in
            var names: [UInt32: String] = [:]
            var report: [String] = []
            for query in queries {
                do {
                    let lines = try Self.differences(query, on: connection, names: &names)
                    if !lines.isEmpty { report.append("\(query.name): \(query.sql)\n  " + lines.joined(separator: "\n  ")) }
                } catch {
                    report.append("\(query.name): PostgreSQL refused it: \(error)\n  \(query.sql)")
                }
            }
            #expect(report.isEmpty, "\(report.count) of \(queries.count) queries differ:\n\(report.joined(separator: "\n"))")
        }
    }

    @Test func aQueryPostgreSQLRejectsIsRejectedOffline() throws {
        // The same mistake both ways: an ambiguous column.
        let sql = "SELECT id FROM saas_clients c JOIN saas_credits cr ON cr.client_id = c.id"
        #expect(!analyze(sql).diagnostics.isEmpty)
        try Self.withSaasDatabase { connection in
            #expect(throws: PGError.self) { try connection.describe(sql) }
        }
    }
}
