import Foundation
import PGCatalog
import PGClient
import PGMigrate
import PGRecord
import PGSchema
import PGTestSupport
import Testing

/// PostgreSQL is the oracle: the same migrations are applied to a real server and folded, and
/// the catalog must say what the folded model says, item by item. The comparison is the one
/// `pg-codegen verify` makes (PGCatalog), fed by a PGClient connection.
@Suite struct OracleTests {
    static var fixturesPath: String { Bundle.module.bundlePath + "/Fixtures" }

    func compare(migrations path: String) throws {
        let folded = SchemaLoader.load(migrations: path)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics.map(\.description).joined(separator: "\n"))")
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let migrator = Migrator(connection: db, directory: try MigrationDirectory(path: path), options: MigratorOptions(lockDatabaseName: config.urlPath))
            try migrator.up()
            let report = try Verifier.verify(migrations: path, source: ConnectionCatalog(db))
            let model = report.model
            #expect(model.tables.count + model.enums.count + model.domains.count + model.composites.count + model.views.count > 2)
            #expect(model.tables.values.map(\.columns.count).reduce(0, +) > 10)
            expectNoDifferences(report)
            // Expressions are compared exactly only when both spellings are understood: make sure
            // they are, so that the comparison above is not a mere presence check.
            for snapshot in [report.model, report.database] {
                let notUnderstood = snapshot.expressions.filter { expression in
                    (expression.isIndexElement
                        ? ExpressionNormalizer.canonicalIndexElement(expression.text)
                        : ExpressionNormalizer.canonical(expression.text)) == nil
                }
                #expect(notUnderstood.isEmpty, "not understood: \(notUnderstood.map { "\($0.place): \($0.text)" })")
                #expect(snapshot.expressions.count > 20)
            }
        }
    }

    @Test func saasMigrations() throws {
        try compare(migrations: saasMigrationsPath)
    }

    @Test func everyFoldedStatement() throws {
        try compare(migrations: Self.fixturesPath + "/everything")
    }

    /// Defaults, checks, generated columns, indexes and domains written the way migrations write
    /// them, against the way PostgreSQL prints them back.
    @Test func expressionsAsPostgreSQLPrintsThem() throws {
        try compare(migrations: Self.fixturesPath + "/expressions")
    }
}

/// The catalog through a PGClient connection, as the tests read it.
struct ConnectionCatalog: CatalogSource {
    let connection: PGConnection

    init(_ connection: PGConnection) {
        self.connection = connection
    }

    func rows(_ sql: String) throws -> [[String?]] {
        try connection.query(sql).map { row in (0..<row.columnCount).map { row[$0] } }
    }
}

/// A known gap of the fold, which the oracle finds and which is fixed in PGSchema, not here: a
/// reason and the differences it explains. They are recorded as known issues, so the checks pass
/// unchanged once the fold is fixed; every other difference fails the test.
struct KnownFoldingGap: Sendable {
    var reason: String
    var explains: @Sendable (SchemaDifference, VerifyReport) -> Bool
}

let knownFoldingGaps: [KnownFoldingGap] = [
    // None today. Index elements keep their order, operator class and collation, and serial
    // defaults quote and qualify the sequence as PostgreSQL prints it.
]

/// The differences that no known gap of the fold explains.
func unexplained(_ report: VerifyReport) -> [SchemaDifference] {
    report.differences.filter { difference in !knownFoldingGaps.contains { $0.explains(difference, report) } }
}

/// Expects no differences but those that the known gaps of the fold explain.
func expectNoDifferences(_ report: VerifyReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let others = unexplained(report)
    #expect(others.isEmpty, "the folded model and PostgreSQL disagree:\n\(others.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    for gap in knownFoldingGaps {
        let explained = report.differences.filter { gap.explains($0, report) }
        withKnownIssue(Comment(rawValue: gap.reason), isIntermittent: true) {
            #expect(explained.isEmpty, "\(explained.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }
}
