import Foundation
import PGClient
import PGTestSupport
import Testing

/// `pg-codegen check-queries`, the oracle a user runs on their own database.
@Suite struct CheckQueriesCommandTests {
    var pgCodegen: String { productsFolder + "/pg-codegen" }

    @Test func agreesOnAMigratedDatabaseAndReportsADriftedOne() throws {
        try TestPostgres.withDatabase { config in
            let connection = try PGConnection(config: config)
            defer { connection.close() }
            let folder = URL(fileURLWithPath: saasMigrationsPath)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".up.sql") }).sorted() {
                try connection.execute(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            }
            let arguments = ["check-queries", "--migrations", "migrations/saas", "--queries", "queries/saas", "--database", TestPostgres.url(config)]
            let agreeing = try run(pgCodegen, arguments, in: repositoryRoot)
            #expect(agreeing.status == 0, "\(agreeing.all)")
            #expect(agreeing.stdout.contains("30 of 30 queries agree with the database"), "\(agreeing.all)")

            // The database drifts from the migrations: the queries that read the column differ.
            try connection.execute("ALTER TABLE saas_clients ALTER COLUMN monthly_message_quota TYPE bigint")
            let drifted = try run(pgCodegen, arguments, in: repositoryRoot)
            #expect(drifted.status == 1, "\(drifted.all)")
            #expect(drifted.stdout.contains("ClientUsage:"), "\(drifted.all)")
            #expect(drifted.stdout.contains("column 3: PostgreSQL monthly_message_quota bigint, analyser monthly_message_quota integer"), "\(drifted.all)")
        }
    }

    @Test func cannotCheckWithoutADatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try run(
            pgCodegen, ["check-queries", "--migrations", saasMigrationsPath, "--queries", saasQueriesPath], in: folder.path,
            removingEnvironment: ["DATABASE_URL"]
        )
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains("no database configured"), "\(result.all)")
    }
}
