import Foundation
import PGClient
import PGMigrate
import PGSchema
import PGTestSupport
import Testing

/// PostgreSQL is the oracle: the same migrations are applied to a real server and folded, and
/// the catalog must say what the folded model says, item by item.
@Suite struct OracleTests {
    static var fixturesPath: String { Bundle.module.bundlePath + "/Fixtures" }

    func compare(migrations path: String) throws {
        let folded = SchemaLoader.load(migrations: path)
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics.map(\.description).joined(separator: "\n"))")
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let migrator = Migrator(connection: db, directory: try MigrationDirectory(path: path), options: MigratorOptions(lockDatabaseName: config.urlPath))
            try migrator.up()
            let model = CatalogFacts.facts(of: folded.schema)
            let catalog = try CatalogFacts.facts(of: db)
            #expect(model.count > 10)
            let difference = CatalogFacts.difference(model: model, catalog: catalog)
            #expect(difference.isEmpty, "the folded model and PostgreSQL disagree:\n\(difference)")
        }
    }

    @Test func saasMigrations() throws {
        try compare(migrations: saasMigrationsPath)
    }

    @Test func everyFoldedStatement() throws {
        try compare(migrations: Self.fixturesPath + "/everything")
    }
}
