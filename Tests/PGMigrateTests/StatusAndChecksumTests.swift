import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGSchema
import PGTestSupport
import Synchronization
import Testing

/// `migrate status`, the history table's checksums, and adopting databases migrated before it.
@Suite struct StatusAndChecksumTests {
    static let three: [(String, String, String?)] = [
        ("create_users", "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);", "DROP TABLE users;"),
        ("create_posts", "CREATE TABLE posts (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users (id));\nCREATE INDEX posts_user_idx ON posts (user_id);", "DROP TABLE posts;"),
        ("users_name", "ALTER TABLE users ADD COLUMN name text;", "ALTER TABLE users DROP COLUMN name;"),
    ]

    func states(_ report: StatusReport) -> [String] {
        report.migrations.map { "\($0.version) \($0.state.rawValue)" }
    }

    @Test func checksumsAreSHA256OfTheTextWithLFLineEnds() {
        // FIPS 180-4's examples, one of them longer than a block.
        #expect(MigrationChecksum.of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(MigrationChecksum.of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MigrationChecksum.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(MigrationChecksum.of("SELECT 1;\r\nSELECT 2;\r\n") == MigrationChecksum.of("SELECT 1;\nSELECT 2;\n"))
        #expect(MigrationChecksum.of("\u{FEFF}SELECT 1;") == MigrationChecksum.of("SELECT 1;"))
        #expect(MigrationChecksum.of("SELECT 1;") != MigrationChecksum.of("SELECT 1; "))
    }

    @Test func statusOfAFreshDatabaseCreatesNothing() throws {
        try TestPostgres.withDatabase { config in
            let folder = try migrationsFolder(Self.three)
            defer { folder.remove() }
            let h = try Harness(config, path: folder.path)
            let report = try h.migrator.status()
            #expect(report.currentVersion == nil)
            #expect(!report.dirty)
            #expect(!report.historyKept)
            #expect(states(report) == ["1 pending", "2 pending", "3 pending"])
            // Read only: no version table, no history table.
            #expect(try h.tables() == [])
        }
    }

    @Test func upRecordsChecksumsNameTimeDurationAndToolVersion() throws {
        try TestPostgres.withDatabase { config in
            let folder = try migrationsFolder(Self.three)
            defer { folder.remove() }
            let h = try Harness(config, path: folder.path)
            try h.migrator.up(limit: 2)
            let report = try h.migrator.status()
            #expect(report.currentVersion == 2)
            #expect(states(report) == ["1 applied", "2 applied", "3 pending"])
            let first = try #require(report.migrations.first)
            #expect(first.appliedChecksum == MigrationChecksum.of(Self.three[0].1))
            #expect(first.appliedChecksum == first.checksum)
            #expect(first.recordedAs == "up")
            #expect(first.toolVersion == MigrateTool.version)
            #expect(first.appliedAt?.hasSuffix("Z") == true)
            #expect((first.durationMilliseconds ?? -1) >= 0)
            let rows = try h.connection.query("SELECT version, direction, name, script FROM schema_migrations_history ORDER BY applied_at")
            #expect(rows.map { "\($0[0] ?? "") \($0[1] ?? "") \($0[2] ?? "")" } == ["1 up create_users", "2 up create_posts"])
            #expect(rows.first?[3] == Self.three[0].1)
            // golang-migrate's table keeps its shape and its one row.
            #expect(try h.connection.query("""
                SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
                FROM information_schema.columns WHERE table_name = 'schema_migrations'
                """).first?[0] == "version bigint, dirty boolean")
            #expect(try h.scalar("SELECT count(*) FROM schema_migrations") == "1")
            // Down records its row too, and the version is pending again.
            try h.migrator.down(limit: 1)
            #expect(states(try h.migrator.status()) == ["1 applied", "2 pending", "3 pending"])
            #expect(try h.scalar("SELECT direction FROM schema_migrations_history WHERE version = 2 ORDER BY applied_at DESC LIMIT 1") == "down")
        }
    }

    @Test func upRefusesAnEditedAppliedFileNamingItAndShowingTheChange() throws {
        try TestPostgres.withDatabase { config in
            let folder = try migrationsFolder(Self.three)
            defer { folder.remove() }
            try Harness(config, path: folder.path).migrator.up(limit: 2)
            // Someone edits an applied file and adds a new one.
            try folder.write("000002_create_posts.up.sql", "CREATE TABLE posts (id bigint PRIMARY KEY, user_id int NOT NULL REFERENCES users (id));\nCREATE INDEX posts_user_idx ON posts (user_id);")
            let h = try Harness(config, path: folder.path)
            let report = try h.migrator.status()
            #expect(states(report) == ["1 applied", "2 changed", "3 pending"])
            var message = ""
            #expect { try h.migrator.up() } throws: { error in
                message = "\(error)"
                return true
            }
            #expect(message.contains(folder.subpath("000002_create_posts.up.sql") + ":1:1: error: 000002_create_posts.up.sql was changed after it was applied"))
            #expect(message.contains("- 1: CREATE TABLE posts (id int PRIMARY KEY"))
            #expect(message.contains("+ 1: CREATE TABLE posts (id bigint PRIMARY KEY"))
            #expect(!message.contains("2: CREATE INDEX"))
            #expect(message.contains("Nothing was run"))
            #expect(try h.migrator.version()?.version == 2)
            #expect(try h.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'") == "0")

            // A CRLF checkout of the same text is no change.
            try folder.write("000001_create_users.up.sql", Self.three[0].1.replacingOccurrences(of: "\n", with: "\r\n") + "")
            #expect(try h.migrator.status().migrations[0].state == .applied)

            // -ignore-changed runs up anyway and says so.
            var options = try MigratorOptions(config: config, lockTimeoutSeconds: 2)
            options.ignoreChanged = true
            let events = Harness.Box()
            let forced = Migrator(connection: h.connection, directory: try MigrationDirectory(path: folder.path), options: options) { event in
                if case .ignoredChanges(let files) = event { events.append(files.map(\.file.fileName).joined()) }
            }
            try forced.up()
            #expect(events.lines.withLock { $0 } == ["000002_create_posts.up.sql"])
            #expect(try h.migrator.version()?.version == 3)
            #expect(states(try h.migrator.status()) == ["1 applied", "2 changed", "3 applied"])

            // Accepting the edit records the new checksum.
            #expect(try h.migrator.baseline(acceptChanged: true) == [2])
            #expect(states(try h.migrator.status()) == ["1 applied", "2 applied", "3 applied"])
            try h.migrator.up()
        }
    }

    /// A database that plain golang-migrate migrated: `schema_migrations` only, files run as they are.
    @Test func aGolangMigrateDatabaseIsAdoptedWithoutAFalseAlarm() throws {
        try TestPostgres.withDatabase { config in
            let folder = try migrationsFolder(Self.three)
            defer { folder.remove() }
            let db = try PGConnection(config: config)
            // What golang-migrate leaves: its table (created the way it creates it), each file
            // run as one multi-statement query, TRUNCATE + INSERT of the version.
            try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null)")
            for (index, migration) in Self.three.prefix(2).enumerated() {
                try db.execute("TRUNCATE schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES (\(index + 1), true)")
                try db.execute(migration.1)
                try db.execute("TRUNCATE schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES (\(index + 1), false)")
            }
            let h = try Harness(config, path: folder.path)
            let before = try h.migrator.status()
            #expect(states(before) == ["1 applied", "2 applied", "3 pending"])
            #expect(before.migrations[0].appliedChecksum == nil)
            #expect(!before.historyKept)
            #expect(before.table.contains("applied (no checksum yet)"))

            var adopted: [Int64] = []
            let events = Harness.Box()
            let migrator = Migrator(connection: h.connection, directory: try MigrationDirectory(path: folder.path), options: try MigratorOptions(config: config)) { event in
                switch event {
                case .adopted(let versions): events.append("adopted \(versions)")
                case .applied(let version, _, _, _): events.append("\(version)/u")
                default: break
                }
            }
            try migrator.up()
            adopted = [1, 2]
            #expect(events.lines.withLock { $0 } == ["adopted \(adopted)", "3/u"])
            let after = try h.migrator.status()
            #expect(states(after) == ["1 applied", "2 applied", "3 applied"])
            #expect(after.migrations.map { $0.recordedAs ?? "" } == ["baseline", "baseline", "up"])
            // golang-migrate can still read and write the database: its table is as it left it.
            #expect(try db.query("SELECT version, dirty FROM schema_migrations").map { "\($0[0] ?? "") \($0[1] ?? "")" } == ["3 f"])
            #expect(try h.scalar("SELECT count(*) FROM pg_indexes WHERE tablename = 'schema_migrations'") == "1")

            // golang-migrate goes on alone for a while: applies version 4 without the history.
            try folder.write("000004_posts_title.up.sql", "ALTER TABLE posts ADD COLUMN title text;")
            try folder.write("000004_posts_title.down.sql", "ALTER TABLE posts DROP COLUMN title;")
            try db.execute("ALTER TABLE posts ADD COLUMN title text; TRUNCATE schema_migrations; INSERT INTO schema_migrations VALUES (4, false)")
            let h2 = try Harness(config, path: folder.path)
            #expect(states(try h2.migrator.status()) == ["1 applied", "2 applied", "3 applied", "4 applied"])
            try h2.migrator.up()
            #expect(try h2.migrator.status().migrations.last?.recordedAs == "baseline")
        }
    }

    @Test func missingAndSkippedVersions() throws {
        try TestPostgres.withDatabase { config in
            let folder = try migrationsFolder(Self.three)
            defer { folder.remove() }
            try Harness(config, path: folder.path).migrator.up()
            // Version 3's file is renumbered to 10 (a rebase gone wrong): 3 is applied with no
            // file, 10 is pending.
            try FileManager.default.moveItem(atPath: folder.subpath("000003_users_name.up.sql"), toPath: folder.subpath("000010_users_name.up.sql"))
            try FileManager.default.removeItem(atPath: folder.subpath("000003_users_name.down.sql"))
            let h = try Harness(config, path: folder.path)
            let report = try h.migrator.status()
            #expect(states(report) == ["1 applied", "2 applied", "3 missing", "10 pending"])
            #expect(report.migrations[2].name == "users_name")
            #expect(report.json.contains("\"state\" : \"missing\""))
        }
    }

    @Test func outOfOrderFileIsSkippedNotAdopted() throws {
        try TestPostgres.withDatabase { config in
            let folder = try migrationsFolder([Self.three[0], Self.three[1]])
            defer { folder.remove() }
            try FileManager.default.moveItem(atPath: folder.subpath("000002_create_posts.up.sql"), toPath: folder.subpath("000005_create_posts.up.sql"))
            try FileManager.default.moveItem(atPath: folder.subpath("000002_create_posts.down.sql"), toPath: folder.subpath("000005_create_posts.down.sql"))
            try Harness(config, path: folder.path).migrator.up()
            // A file from a branch merged after version 5 ran, numbered below it.
            try folder.write("000003_users_name.up.sql", Self.three[2].1)
            let h = try Harness(config, path: folder.path)
            #expect(states(try h.migrator.status()) == ["1 applied", "3 skipped", "5 applied"])
            try h.migrator.up()
            #expect(states(try h.migrator.status()) == ["1 applied", "3 skipped", "5 applied"])
        }
    }

    @Test func commandLineStatusForms() throws {
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            let empty = try migrate(["-path", saasMigrationsPath, "-database", url, "status"])
            #expect(empty.status == 0, "\(empty.all)")
            #expect(empty.stdout.contains("000001") == false)
            #expect(empty.stdout.contains("1        create_saas_clients"))
            #expect(empty.stdout.contains("current version: none; 0 applied, 4 pending"))
            #expect(try migrate(["-path", saasMigrationsPath, "-database", url, "up", "3"]).status == 0)
            let json = try migrate(["-module=saas", "-cmd=status", "-json"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(json.status == 0, "\(json.all)")
            let report = try JSONDecoder().decode(StatusReport.self, from: Data(json.stdout.utf8))
            #expect(report.currentVersion == 3)
            #expect(report.migrations.map(\.state) == [.applied, .applied, .applied, .pending])
            let table = try migrate(["-module", "saas", "-cmd", "status"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(table.stdout.contains("current version: 3; 3 applied, 1 pending"))
            // A changed file makes status fail (exit 3) and up refuse.
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            for name in try FileManager.default.contentsOfDirectory(atPath: saasMigrationsPath) {
                try FileManager.default.copyItem(atPath: saasMigrationsPath + "/" + name, toPath: folder.subpath(name))
            }
            let edited = folder.subpath("000001_create_saas_clients.up.sql")
            try (try String(contentsOfFile: edited, encoding: .utf8) + "\nSELECT 1;\n").write(toFile: edited, atomically: true, encoding: .utf8)
            let changed = try migrate(["-path", folder.path, "-database", url, "status"])
            #expect(changed.status == 3)
            #expect(changed.stdout.contains("changed"))
            let up = try migrate(["-path", folder.path, "-database", url, "up"])
            #expect(up.status == 1)
            #expect(up.stderr.contains("000001_create_saas_clients.up.sql was changed after it was applied"))
            #expect(up.stderr.contains("+ "))
            let ignored = try migrate(["-path", folder.path, "-database", url, "-ignore-changed", "up"])
            #expect(ignored.status == 0, "\(ignored.all)")
            #expect(ignored.stdout.hasPrefix("4/u create_saas_credits"))
            let accepted = try migrate(["-path", folder.path, "-database", url, "baseline", "-accept-changed"])
            #expect(accepted.stdout == "recorded the checksums of 1 migration (1)\n", "\(accepted.all)")
            #expect(try migrate(["-path", folder.path, "-database", url, "status"]).status == 0)
        }
    }
}
