import Foundation
import PGCatalog
import PGClient
import PGMigrate
import PGSchema
import PGTestSupport
import Testing

/// Long histories in the manner of real products (Tests/Histories): each is applied with
/// `migrate up` as it is, folded, and compared with PostgreSQL's catalog; then migrated down as
/// far as its down files allow, compared at each version with the fold of the files up to it, and
/// migrated up again.
@Suite struct HistoryOracleTests {
    /// Each history with the version its down files allow going back to (Tests/Histories/README.md:
    /// the down file of that version is broken on purpose, as old ones are in real histories).
    static let histories: [(String, Int64)] = [
        ("shopfront", 26), ("helpdesk", 23), ("fleet", 20200822081500),
        ("ledger", 35), ("studio", 20231002120000), ("commons", 20230915120000),
        ("bookings", 27), ("tickets", 1676454310982),
        ("clinic", 27), ("courier", 20210913150000),
    ]

    @Test(arguments: histories)
    func historyFoldsAndMigratesAsItIs(name: String, floor: Int64) throws {
        let path = repositoryRoot + "/Tests/Histories/" + name
        let directory = try MigrationDirectory(path: path)
        let folded = SchemaLoader.load(directory)
        let problems = folded.diagnostics.filter { $0.severity != .warning || !$0.location.file.hasSuffix(".down.sql") }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        // Every up file read once, for the folds of each version below.
        let ups = try directory.migrations.compactMap { migration in try migration.up.map { SourceFile(path: $0.path, text: try $0.read()) } }

        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let migrator = Migrator(connection: db, directory: directory, options: MigratorOptions(lockDatabaseName: config.urlPath))
            try migrator.up()
            try expectSame(model: folded.schema, db: db, at: "the latest version")

            // Down, one version at a time, to the version whose down file is broken.
            let downsAllowed = directory.migrations.reversed().prefix { $0.version > floor }
            #expect(downsAllowed.count >= 5, "the history should allow a way down")
            for migration in downsAllowed {
                try migrator.down(limit: 1)
                let remaining = directory.migrations.count { $0.version < migration.version }
                let prefix = SchemaLoader.fold(Array(ups.prefix(remaining)))
                // A down that adds back a dropped column adds it at the end: order is not compared here.
                try expectSame(model: prefix.schema, db: db, at: "version \(migration.version) rolled back", ignoringColumnOrder: true)
            }
            // The broken down file is refused and changes nothing.
            #expect(throws: MigrateError.self) { try migrator.down(limit: 1) }
            // Also a file that ends its own transaction (every Django file: `BEGIN; … COMMIT;`), run
            // under golang-migrate's dirty protocol: PostgreSQL refused it whole, at parse time.
            #expect(try migrator.version().map { "\($0)" } == "\(floor)")
            try migrator.up()
            try expectSame(model: folded.schema, db: db, at: "the latest version, migrated up again")
        }
    }

    /// Compares with the code of `pg-codegen verify`, at any version.
    func expectSame(model schema: Schema, db: PGConnection, at moment: String, ignoringColumnOrder: Bool = false) throws {
        var model = SchemaSnapshot(model: schema)
        var database = try CatalogReader(source: ConnectionCatalog(db)).read()
        if ignoringColumnOrder {
            for name in model.tables.keys { model.tables[name]?.columns.sort { $0.name < $1.name } }
            for name in database.tables.keys { database.tables[name]?.columns.sort { $0.name < $1.name } }
        }
        let differences = SchemaComparison.differences(model: model, database: database)
        #expect(differences.isEmpty, "at \(moment), the folded model and PostgreSQL disagree:\n\(differences.map(\.description).joined(separator: "\n"))")
    }
}
