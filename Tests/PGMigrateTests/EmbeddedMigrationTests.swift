import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGTestSupport
import SaasModels
import Testing

/// Migrations embedded in the binary (`SaasMigrations.all`, generated beside the models), applied
/// from async code as a server does at start-up.
@Suite struct EmbeddedMigrationTests {
    /// Migrations that write a row to `applied_log` each time one runs; the first one lingers, so
    /// that the replicas that start with it really wait for its lock.
    static let logging: [PGMigration] = (1...4).map { version in
        let up = version == 1
            ? "CREATE TABLE applied_log (version int NOT NULL);\nSELECT pg_sleep(0.3);\nINSERT INTO applied_log VALUES (1);\n"
            : "CREATE TABLE t\(version) (id int PRIMARY KEY);\nINSERT INTO applied_log VALUES (\(version));\n"
        let down = version == 1 ? "DROP TABLE applied_log;\n" : "DROP TABLE t\(version);\n"
        let stem = String(format: "%06d_step_%d", version, version)
        return PGMigration(
            version: Int64(version), name: "step_\(version)",
            up: .init(fileName: stem + ".up.sql", runsOutsideTransaction: false, sql: up),
            down: .init(fileName: stem + ".down.sql", runsOutsideTransaction: false, sql: down)
        )
    }

    @Test func eightReplicasStartingTogetherApplyEachMigrationOnce() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            // Eight tasks, each with a connection of its own, as eight replicas of a server.
            let versions = try await withThrowingTaskGroup(of: DatabaseVersion?.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await AsyncMigrator(migrations: Self.logging, config: config).up() }
                }
                var versions: [DatabaseVersion?] = []
                for try await version in group { versions.append(version) }
                return versions
            }
            #expect(versions == Array(repeating: DatabaseVersion(version: 4, dirty: false), count: 8))
            let connection = try PGConnection(config: config)
            let log = try connection.query("SELECT version, count(*) FROM applied_log GROUP BY version ORDER BY version")
            #expect(log.map { [$0[0], $0[1]] } == [["1", "1"], ["2", "1"], ["3", "1"], ["4", "1"]])
            let history = try connection.query("SELECT version, count(*) FROM schema_migrations_history WHERE direction = 'up' GROUP BY version ORDER BY version")
            #expect(history.map { [$0[0], $0[1]] } == [["1", "1"], ["2", "1"], ["3", "1"], ["4", "1"]])
            #expect(try connection.query("SELECT version, dirty FROM schema_migrations").map { [$0[0], $0[1]] } == [["4", "f"]])
        }
    }

    /// The generated `SaasMigrations.all`, applied by eight replicas at once; then the `migrate`
    /// command, reading the folder, finds the database current and no file changed.
    @Test func theGeneratedMigrationsAndTheMigrateCommandAgree() async throws {
        #expect(SaasMigrations.all.map(\.version) == [1, 2, 3, 4])
        try await TestPostgres.withDatabaseAsync { config in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await AsyncMigrator(migrations: SaasMigrations.all, config: config).up() }
                }
                try await group.waitForAll()
            }
            let url = TestPostgres.url(config)
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "version"]).stdout == "4\n")
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "up"]).stdout == "no change\n")
            let status = try migrate(["-path", saasMigrationsPath, "-database", url, "status"])
            #expect(status.status == 0, "\(status.all)")
            #expect(!status.stdout.contains("changed"), "\(status.stdout)")
            let connection = try PGConnection(config: config)
            let rows = try connection.query("SELECT count(*) FROM schema_migrations_history WHERE direction = 'up'")
            #expect(rows.first?[0] == "4")
            // And back: what the command rolls back, the binary applies again.
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "down", "2"]).status == 0)
            let migrator = AsyncMigrator(migrations: SaasMigrations.all, config: config)
            #expect(try await migrator.version() == DatabaseVersion(version: 2, dirty: false))
            #expect(try await migrator.up() == DatabaseVersion(version: 4, dirty: false))
            #expect(try await migrator.status().migrations.allSatisfy { $0.state == .applied })
        }
    }

    @Test func aDirtyDatabaseStopsStartUpWithGolangMigratesWords() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            let migrator = AsyncMigrator(migrations: Self.logging, config: config)
            try await migrator.up(limit: 2)
            let connection = try PGConnection(config: config)
            try connection.execute("UPDATE schema_migrations SET dirty = true")
            await #expect { try await migrator.up() } throws: { "\($0)" == "Dirty database version 2. Fix and force version." }
            #expect(try connection.query("SELECT count(*) FROM applied_log").first?[0] == "2")
        }
    }

    @Test func aFailingEmbeddedMigrationNamesItsFileAndLeavesTheDatabaseAsItWas() async throws {
        var migrations = Array(Self.logging.prefix(2))
        migrations.append(PGMigration(
            version: 3, name: "broken",
            up: .init(fileName: "000003_broken.up.sql", runsOutsideTransaction: false, sql: "CREATE TABLE t3 (id int);\nSELECT nosuch FROM t3;\n"),
            down: nil
        ))
        try await TestPostgres.withDatabaseAsync { config in
            let migrator = AsyncMigrator(migrations: migrations, config: config)
            await #expect { try await migrator.up() } throws: { error in
                let text = "\(error)"
                return text.hasPrefix("000003_broken.up.sql:2:8: error: migration failed: column \"nosuch\" does not exist")
                    && text.contains("Nothing of this file was applied; the database is unchanged at version 2.")
            }
            #expect(try await migrator.version() == DatabaseVersion(version: 2, dirty: false))
            try await migrator.goto(1)
            #expect(try await migrator.version() == DatabaseVersion(version: 1, dirty: false))
        }
    }

    @Test func aBinaryOlderThanTheDatabaseSaysSo() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            try await AsyncMigrator(migrations: Self.logging, config: config).up()
            let older = AsyncMigrator(migrations: Array(Self.logging.prefix(2)), config: config)
            await #expect { try await older.up() } throws: { "\($0)" == "error: the database is at version 4, but this binary has no migration with that version" }
        }
    }

    @Test func duplicateVersionsAreRefused() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            let twice = [Self.logging[0], Self.logging[0]]
            await #expect { try await AsyncMigrator(migrations: twice, config: config).up() } throws: { "\($0)".contains("duplicate migration version 1") }
        }
    }
}
