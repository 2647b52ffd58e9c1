import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGTestSupport
import Synchronization
import Testing

/// The `migrate` command as users type it, run as a separate process.
@Suite struct CommandLineTests {
    @Test func golangMigrateForm() throws {
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            let up = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
            #expect(up.status == 0, "\(up.all)")
            let lines = up.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines.first?.hasPrefix("1/u create_saas_clients (") == true)
            #expect(lines.last?.range(of: #"^4/u create_saas_credits \([0-9.]+m?s\)$"#, options: .regularExpression) != nil)
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "version"]).stdout == "4\n")
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "up"]).stdout == "no change\n")
            let down = try migrate(["-path=" + saasMigrationsPath, "--database", url, "down", "2"])
            #expect(down.stdout.split(separator: "\n").map { $0.prefix(3) } == ["4/d", "3/d"])
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "goto", "3"]).status == 0)
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "version"]).stdout == "3\n")
        }
    }

    @Test func oldEntryPointForm() throws {
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            let up = try migrate(["-module=saas", "-cmd=up"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(up.status == 0, "\(up.all)")
            let version = try migrate(["-module=saas", "-cmd=version"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(version.stdout == "4\n")
            let down = try migrate(["-module=saas", "-cmd=down", "-steps", "2"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(down.stdout.split(separator: "\n").count == 2)
            let force = try migrate(["-module", "saas", "-cmd", "force", "-target", "-1"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(force.status == 0, "\(force.all)")
            let none = try migrate(["-module=saas", "-cmd=version"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(none.status != 0)
            #expect(none.stderr == "error: no migration\n")
        }
    }

    @Test func versionPrintsDirtyAndForceAcceptsMinusOne() throws {
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null); INSERT INTO schema_migrations VALUES (2, true)")
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "version"]).stdout == "2 (dirty)\n")
            let up = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
            #expect(up.status != 0)
            #expect(up.stderr == "Dirty database version 2. Fix and force version.\n")
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "force", "-1"]).status == 0)
            #expect(try db.query("SELECT count(*) FROM schema_migrations").first?[0] == "0")
        }
    }

    @Test func downWithoutAStepCountAsksFirst() throws {
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            _ = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
            let refused = try migrate(["-path", saasMigrationsPath, "-database", url, "down"], input: "")
            #expect(refused.status != 0)
            #expect(refused.stdout.contains("Are you sure you want to apply all down migrations? [y/N]"))
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "version"]).stdout == "4\n")
            let confirmed = try migrate(["-path", saasMigrationsPath, "-database", url, "down"], input: "y\n")
            #expect(confirmed.status == 0, "\(confirmed.all)")
            #expect(confirmed.stdout.contains("1/d create_saas_clients"))
            _ = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
            let all = try migrate(["-path", saasMigrationsPath, "-database", url, "down", "-all"])
            #expect(all.stdout.split(separator: "\n").count == 4)
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "drop"], input: "n\n").status != 0)
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "drop", "-f"]).status == 0)
        }
    }

    @Test func databaseFromDotEnv() throws {
        try TestPostgres.withDatabase { config in
            let folder = try TemporaryFolder(files: [
                ".env": "DB_HOST=\(config.host!)\nDB_PORT=\(config.port!)\nDB_USER=postgres\nDB_NAME=\(config.database!)\nDB_SSLMODE=disable\n",
            ])
            defer { folder.remove() }
            let up = try migrate(["-path", saasMigrationsPath, "up", "1"], in: folder.path)
            #expect(up.status == 0, "\(up.all)")
            #expect(try PGConnection(config: config).query("SELECT version FROM schema_migrations").first?[0] == "1")
        }
    }

    @Test func noDatabaseConfiguredSaysWhatToDo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try migrate(["-path", saasMigrationsPath, "version"], in: folder.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no database configured: pass -database URL, set DATABASE_URL"))
    }

    @Test func wrongPasswordFailsWithoutPrintingIt() throws {
        let server = try TestPostgres.serverConfig()
        let admin = try PGConnection(config: server)
        try admin.execute("DO $$ BEGIN CREATE ROLE migrate_pw LOGIN PASSWORD 'right-password'; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        let url = "postgresql://migrate_pw:Not-The-Pa55word@\(server.host!):\(server.port!)/postgres?sslmode=disable"
        let result = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("password authentication failed for user \"migrate_pw\""))
        #expect(result.stderr.contains("postgresql://migrate_pw:***@"))
        #expect(!result.all.contains("Not-The-Pa55word"))
    }

    @Test func unreachableServerFailsWithinTheConnectTimeout() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let url = "postgresql://postgres:hunter2secret@127.0.0.1:\(listener.port)/saas?connect_timeout=1"
        let result = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
        #expect(result.status != 0)
        #expect(result.stderr.lowercased().contains("timeout"))
        #expect(!result.all.contains("hunter2secret"))
        let refused = try migrate(["-path", saasMigrationsPath, "-database", "postgresql://postgres@127.0.0.1:\(try unusedPort())/saas", "version"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("error: cannot connect to postgresql://postgres@127.0.0.1:"))
    }

    @Test func eightConcurrentMigratorsApplyEachMigrationOnce() throws {
        let folder = try loggingFolder(count: 6)
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            // Each process's output, written under a lock: eight threads writing one array race.
            let outputs = Mutex((0..<8).map { _ in Result<ProcessOutput, any Error>?.none })
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                let result = Result { try migrate(["-path", folder.path, "-database", url, "up"]) }
                outputs.withLock { $0[index] = result }
            }
            let finished = try outputs.withLock { $0 }.map { try #require($0).get() }
            #expect(finished.allSatisfy { $0.status == 0 }, "\(finished.map(\.all))")
            // Every migration ran exactly once, across all eight processes.
            let applied = finished.flatMap { $0.stdout.split(separator: "\n") }.filter { $0.contains("/u ") }
            #expect(applied.count == 6)
            let log = try PGConnection(config: config).query("SELECT version, count(*) FROM applied_log GROUP BY version ORDER BY version")
            #expect(log.map { "\($0[0]!):\($0[1]!)" } == ["1:1", "2:1", "3:1", "4:1", "5:1", "6:1"])
        }
    }

    @Test func createNumbersSequentiallyOrByTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.subpath("saas"), withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: saasMigrationsPath) {
            try FileManager.default.copyItem(atPath: saasMigrationsPath + "/" + name, toPath: folder.subpath("saas/" + name))
        }
        let dir = folder.subpath("saas")
        let created = try migrate(["create", "-ext", "sql", "-dir", dir, "-seq", "add_new_field"])
        #expect(created.status == 0, "\(created.all)")
        #expect(created.stdout == "\(dir)/000005_add_new_field.up.sql\n\(dir)/000005_add_new_field.down.sql\n")
        #expect(FileManager.default.fileExists(atPath: dir + "/000005_add_new_field.down.sql"))
        let digits = try migrate(["create", "-dir", dir, "-seq", "-digits", "4", "next"])
        #expect(digits.stdout.hasPrefix("\(dir)/0006_next.up.sql"))
        for expected in ["7", "8", "9"] {
            #expect(try migrate(["create", "-dir", dir, "-seq", "-digits", "1", "x"]).stdout.hasPrefix("\(dir)/\(expected)_x.up.sql"))
        }
        let tooSmall = try migrate(["create", "-dir", dir, "-seq", "-digits", "1", "x"])
        #expect(tooSmall.status != 0)
        #expect(tooSmall.stderr.contains("too large"))
        let stamped = try migrate(["create", "-ext", ".sql", "-dir", dir, "stamped"])
        #expect(stamped.stdout.range(of: #"/2[0-9]{13}_stamped\.up\.sql\n"#, options: .regularExpression) != nil)
        // A version that exists is refused, and nothing is overwritten.
        let now = Date()
        _ = try MigrationCreator.create(name: "first", in: dir, numbering: .unix, now: now)
        #expect { try MigrationCreator.create(name: "second", in: dir, numbering: .unix, now: now) } throws: {
            "\($0)".contains("duplicate migration version")
        }
        #expect(throws: MigrateError.self) { try MigrationCreator.create(name: "bad/name", in: dir, numbering: .sequential(digits: 6)) }
    }
}
