import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGTestSupport
import Testing

/// Files and faults that once left the database other than the migrator said (issue 9).
@Suite struct RuntimeSafetyTests {
    @Test func aFileWithANULByteIsRefusedBeforeAnythingRuns() throws {
        let folder = try migrationsFolder([
            ("first", "CREATE TABLE first (id int);", nil),
            ("second", "CREATE TABLE a (id int); -- note \u{0} CREATE TABLE b (id int);", nil),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".hasPrefix(folder.subpath("000002_second.up.sql") + ":1:34: error: migration file contains a NUL byte")
            }
            #expect(try h.tables() == ["schema_migrations"])
            #expect(try h.migrator.version() == nil)
        }
    }

    @Test(arguments: [
        "-- migrate:no-transaction\nCREATE TABLE a (id int);\n/* never closed\nCREATE TABLE b (id int);\n",
        "-- migrate:no-transaction\nCREATE TABLE a (id int);\nSELECT 'never closed;\n",
        "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_i ON a (id);\n/* never closed\n",
    ])
    func aNoTransactionFileThatDoesNotLexIsRefusedBeforeAnythingRuns(up: String) throws {
        let folder = try migrationsFolder([("broken", up, nil)])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".hasPrefix(folder.subpath("000001_broken.up.sql") + ":3:") && "\(error)".contains("unterminated")
            }
            #expect(try h.tables() == ["schema_migrations"])
            #expect(try h.migrator.version() == nil)
        }
    }

    @Test func beginAtomicBodiesRunWholeOutsideATransaction() throws {
        let folder = try migrationsFolder([(
            "atomic",
            """
            -- migrate:no-transaction
            CREATE TABLE t (x int);
            CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
                SELECT i + 1;
            END;
            CREATE INDEX CONCURRENTLY t_x ON t (x);
            """,
            nil
        )])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            try h.migrator.up()
            #expect(try h.migrator.version() == DatabaseVersion(version: 1, dirty: false))
            #expect(try h.scalar("SELECT add_one(41)") == "42")
        }
    }

    @Test func aFileThatCommitsThenFailsIsLeftDirtyAndSaysSo() throws {
        let folder = try migrationsFolder([
            ("own", "BEGIN;\nCREATE TABLE kept (id int);\nCOMMIT;\nCREATE TABLE kept (id int);\n", nil),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".contains("already exists") && "\(error)".contains("marked dirty")
            }
            #expect(try h.migrator.version() == DatabaseVersion(version: 1, dirty: true))
            #expect(try h.tables() == ["kept", "schema_migrations"])
        }
    }

    /// PostgreSQL parses a whole query before running it: a file that commits by itself but holds
    /// a syntax error ran nothing, so its version goes back to what it was instead of dirty.
    @Test func aFileThatCommitsButDoesNotParseChangesNothing() throws {
        let folder = try migrationsFolder([
            ("one", "CREATE TABLE one (id int);", nil),
            ("own", "BEGIN;\nCREATE TABLE two (id int);\nCOMMIT;\nCREAT TABLE three (id int);\n", nil),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".hasPrefix(folder.subpath("000002_own.up.sql") + ":4:1: error: migration failed: syntax error at or near \"CREAT\"")
                    && "\(error)".contains("Nothing of this file was applied; the database is unchanged at version 1")
            }
            #expect(try h.migrator.version() == DatabaseVersion(version: 1, dirty: false))
            #expect(try h.tables() == ["one", "schema_migrations"])
        }
        // The first statement of a no-transaction file, likewise.
        let outside = try migrationsFolder([("concurrently", "-- migrate:no-transaction\nCREAT INDEX CONCURRENTLY i ON t (id);\n", nil)])
        defer { outside.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: outside.path)
            #expect { try h.migrator.up() } throws: { error in "\(error)".contains("unchanged, with no migration applied") }
            #expect(try h.migrator.version() == nil)
        }
    }

    /// A syntax error found while running, after a `COMMIT` kept work, leaves the version dirty:
    /// in an `EXECUTE`d string (which PostgreSQL reports with a context), and in a function body or
    /// a `DO` block (reported like a syntax error of the text itself: no context, the parser's
    /// routine, a position in the file).
    @Test(arguments: [
        "DO $$ BEGIN EXECUTE 'CREAT TABLE x (id int)'; END $$;",
        "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELEC 42 $$;",
        "DO $$ BEGIN INSERT INTO kept VALUES 1; END $$;",
    ])
    func aSyntaxErrorWhileRunningLeavesTheVersionDirty(statement: String) throws {
        let folder = try migrationsFolder([("own", "BEGIN;\nCREATE TABLE kept (id int);\nCOMMIT;\n\(statement)\n", nil)])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            // The message does not blame a `migrate:no-transaction` line the file does not have.
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".contains("syntax error") && "\(error)".contains("marked dirty") && "\(error)".contains("ends its transaction itself")
                    && !"\(error)".contains("(migrate:no-transaction)")
            }
            #expect(try h.migrator.version() == DatabaseVersion(version: 1, dirty: true))
            #expect(try h.tables() == ["kept", "schema_migrations"])
        }
    }

    @Test func aFileThatRollsItselfBackIsRefused() throws {
        let folder = try migrationsFolder([("undo", "CREATE TABLE gone (id int);\nROLLBACK;\n", nil)])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".hasPrefix(folder.subpath("000001_undo.up.sql") + ":2:1: error: the file rolls back its own transaction (ROLLBACK)")
            }
            #expect(try h.migrator.version() == nil)
            #expect(try h.tables() == ["schema_migrations"])
        }
    }

    @Test func aConnectionLostDuringCommitSaysTheOutcomeIsUnknown() throws {
        // A deferred trigger ends the backend while the server commits the file.
        let folder = try migrationsFolder([
            ("one", "CREATE TABLE one (id int);", nil),
            ("dies_at_commit", """
                CREATE TABLE t (id int);
                CREATE FUNCTION die() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NULL; END $$;
                CREATE CONSTRAINT TRIGGER die AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION die();
                INSERT INTO t VALUES (1);
                """, nil),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                let text = "\(error)"
                return text.contains("The outcome is unknown") && text.contains("at version 1, or at version 2")
                    && text.contains("Run `migrate -path \(folder.path) version`") && !text.contains("Nothing of this file was applied")
            }
            let after = try Harness(config, path: folder.path)
            #expect(try after.migrator.version() == DatabaseVersion(version: 1, dirty: false))
        }
    }

    @Test func aConnectionLostWhileClearingDirtySaysWhatIsKnown() throws {
        // The file runs outside a transaction; a deferred trigger ends the backend as the clean
        // version is committed.
        let folder = try migrationsFolder([(
            "dies_when_clean",
            """
            -- migrate:no-transaction
            CREATE FUNCTION die() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NULL; END $$;
            CREATE CONSTRAINT TRIGGER die AFTER INSERT ON schema_migrations DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (NOT NEW.dirty) EXECUTE FUNCTION die();
            """,
            nil
        )])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".contains("the file ran completely, but marking version 1 clean failed") && "\(error)".contains("force 1")
            }
            let after = try Harness(config, path: folder.path)
            #expect(try after.migrator.version() == DatabaseVersion(version: 1, dirty: true))
        }
    }

    @Test func theLockKeyIsTheDatabasesNotTheURLsSpelling() throws {
        let folder = try loggingFolder()
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let name = try #require(config.database)
            // Another migrator holds the lock for this database, by its name.
            let other = try PGConnection(config: config)
            let key = AdvisoryLock.key(database: "/" + name, schema: "public", table: "schema_migrations")
            try other.execute("SELECT pg_advisory_lock(\(key))")
            // The same database, its name spelled with percent-escapes in the URL.
            let spelled = name.unicodeScalars.map { String(format: "%%%02X", $0.value) }.joined()
            let url = "postgresql://\(config.user ?? "postgres")@\(config.host!):\(config.port!)/\(spelled)?sslmode=disable"
            let waited = try migrate(["-path", folder.path, "-database", url, "-lock-timeout", "1", "up"])
            #expect(waited.status != 0)
            #expect(waited.stderr.contains("can't acquire database lock"), "\(waited.all)")
            try other.execute("SELECT pg_advisory_unlock(\(key))")
            #expect(try migrate(["-path", folder.path, "-database", url, "up"]).status == 0)
            #expect(try other.query("SELECT count(*) FROM applied_log").first?[0] == "3")
        }
    }

    @Test(arguments: [8, 32])
    func concurrentMigratorsOverConcurrentIndexFilesNeverDeadlock(processes: Int) throws {
        var migrations: [(String, String, String?)] = [(
            "items",
            // Slow enough that every other process is waiting for the lock when the indexes come.
            "CREATE TABLE items (id int, a int, b int, c int);\nINSERT INTO items SELECT g, g, g, g FROM generate_series(1, 1000) g;\nCREATE TABLE applied_log (version int);\nINSERT INTO applied_log VALUES (1);\nSELECT pg_sleep(1.5);",
            nil
        )]
        for (version, column) in [(2, "a"), (3, "b"), (4, "c")] {
            migrations.append((
                "index_\(column)",
                "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY items_\(column) ON items (\(column));\nINSERT INTO applied_log VALUES (\(version));",
                nil
            ))
        }
        migrations.append(("more", "CREATE INDEX CONCURRENTLY items_ab ON items (a, b);\nINSERT INTO applied_log VALUES (5);", nil))
        let folder = try migrationsFolder(migrations)
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            // All started before any is waited for: truly concurrent, whatever the number of cores.
            var running: [(Process, String)] = []
            for index in 0..<processes {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: migrateExecutable)
                process.arguments = ["-path", folder.path, "-database", url, "up"]
                let outputPath = NSTemporaryDirectory() + "migrate-\(UUID().uuidString)-\(index).out"
                _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
                let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
                process.standardOutput = output
                process.standardError = output
                try process.run()
                running.append((process, outputPath))
            }
            var finished: [(status: Int32, all: String)] = []
            for (process, outputPath) in running {
                process.waitUntilExit()
                let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(atPath: outputPath)
                finished.append((process.terminationStatus, text))
            }
            #expect(finished.allSatisfy { $0.status == 0 }, "\(finished.map(\.all))")
            let log = try PGConnection(config: config).query("SELECT version, count(*) FROM applied_log GROUP BY version ORDER BY version")
            #expect(log.map { "\($0[0]!):\($0[1]!)" } == ["1:1", "2:1", "3:1", "4:1", "5:1"])
            #expect(try PGConnection(config: config).query("SELECT version, dirty FROM schema_migrations").first.map { "\($0[0]!) \($0[1]!)" } == "5 f")
        }
    }
}

/// What the command line prints never holds a secret (issue 9).
@Suite struct SecretsTests {
    @Test(arguments: [
        // An unencoded / ? # @ in the password: the URL parses into the wrong parts, or not at all.
        "postgresql://postgres:12/Secret-Pa55@127.0.0.1:1/db",
        "postgresql://postgres:ab?Secret-Pa55@127.0.0.1:1/db",
        "postgresql://postgres:ab#Secret-Pa55@127.0.0.1:1/db",
        "postgresql://postgres:ab@Secret-Pa55@127.0.0.1:1/db",
        // Parameters: printed by name only.
        "postgresql://postgres@127.0.0.1:1/db?sslpassword=Secret-Pa55",
        "postgresql://postgres@127.0.0.1:1/db?Password=Secret-Pa55",
        "postgresql://postgres@127.0.0.1:1/db?options=-c%20x%3DSecret-Pa55",
    ])
    func aURLNeverShowsItsSecrets(url: String) throws {
        let result = try migrate(["-path", saasMigrationsPath, "-database", url, "version"])
        #expect(result.status != 0)
        #expect(!result.all.contains("Secret-Pa55"), "\(result.all)")
        #expect(!result.all.contains("Pa55"), "\(result.all)")
    }

    @Test func dotEnvAndEnvironmentFormsNeverShowTheirSecrets() throws {
        let hostile = "postgresql://postgres:12/Secret-Pa55@127.0.0.1:1/db"
        let folder = try TemporaryFolder(files: [".env": "DATABASE_URL=\(hostile)\n"])
        defer { folder.remove() }
        for result in [
            try migrate(["-path", saasMigrationsPath, "version"], in: folder.path),
            try run(migrateExecutable, ["-path", saasMigrationsPath, "version"], environment: ["DATABASE_URL": hostile]),
        ] {
            #expect(result.status != 0)
            #expect(!result.all.contains("Pa55"), "\(result.all)")
        }
        let fields = try TemporaryFolder(files: [".env": "DB_HOST=127.0.0.1\nDB_PORT=1\nDB_USER=postgres\nDB_PASSWORD=Secret-Pa55/?#@\nDB_NAME=db\n"])
        defer { fields.remove() }
        let result = try migrate(["-path", saasMigrationsPath, "version"], in: fields.path)
        #expect(result.status != 0)
        #expect(!result.all.contains("Pa55"), "\(result.all)")
        #expect(result.stderr.contains("postgresql://postgres:***@127.0.0.1:1/db"), "\(result.all)")
    }

    @Test func aPasswordEqualToTheUserNameDoesNotHideTheUserName() throws {
        let server = try TestPostgres.serverConfig()
        let admin = try PGConnection(config: server)
        try admin.execute("DO $$ BEGIN CREATE ROLE migrate_pw LOGIN PASSWORD 'right-password'; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        let url = "postgresql://migrate_pw:migrate_pw@\(server.host!):\(server.port!)/postgres?sslmode=disable"
        let result = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
        #expect(result.status != 0)
        // Redacted by structure: the message is libpq's, whole; the URL shows `***` for the password.
        #expect(result.stderr.contains("password authentication failed for user \"migrate_pw\""), "\(result.all)")
        #expect(result.stderr.contains("postgresql://migrate_pw:***@"))
    }

    @Test func theMakefileTargetsPassTheDatabaseInTheEnvironment() throws {
        let script = try String(contentsOfFile: repositoryRoot + "/scripts/migrate.sh", encoding: .utf8)
        #expect(!script.contains("(-database"))
        #expect(script.contains("export DATABASE_URL"))
    }
}
