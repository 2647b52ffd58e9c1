import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGTestSupport
import Testing

/// The migrator killed, or its backend terminated, in the middle of a file: the version, the
/// dirty flag and the catalog must say exactly what happened (issue 9).
@Suite struct FaultInjectionTests {
    enum Fault: String, CaseIterable { case killMigrator, terminateBackend }

    /// Version 1 makes the tables; version 2 sleeps in the middle, as long as `control.seconds`
    /// says, between two statements that each leave a trace.
    static func folder(noTransaction: Bool) throws -> TemporaryFolder {
        let marker = noTransaction ? "-- migrate:no-transaction\n" : ""
        return try migrationsFolder([
            ("setup", "CREATE TABLE control (seconds float8);\nINSERT INTO control VALUES (30);", nil),
            (
                "slow",
                marker + "CREATE TABLE before_sleep (id int);\nSELECT pg_sleep((SELECT seconds FROM control));\nCREATE TABLE after_sleep (id int);\n",
                marker + "DROP TABLE after_sleep;\nSELECT pg_sleep((SELECT seconds FROM control));\nDROP TABLE before_sleep;\n"
            ),
        ])
    }

    /// The pid of the backend sleeping in the migration, once it sleeps.
    static func sleepingBackend(_ db: PGConnection) throws -> Int32? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let pid = try db.query("""
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep%'
                """).first?[0]
            if let pid { return Int32(pid) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Runs `migrate` with `arguments`, applies `fault` while it sleeps in version 2, and
    /// returns what it printed (nothing, when killed).
    static func run(_ arguments: [String], url: String, db: PGConnection, fault: Fault) throws -> ProcessOutput? {
        switch fault {
        case .killMigrator:
            let process = Process()
            process.executableURL = URL(fileURLWithPath: migrateExecutable)
            process.arguments = arguments + ["-database", url]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let pid = try #require(try sleepingBackend(db))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // The server notices a vanished client only when it next writes to it; end the
            // orphan as the server eventually would, and wait until its lock is gone.
            try db.query("SELECT pg_terminate_backend($1)", [Int(pid).pgBind])
            while try db.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [Int(pid).pgBind]).count > 0 {
                Thread.sleep(forTimeInterval: 0.02)
            }
            return nil
        case .terminateBackend:
            nonisolated(unsafe) var output: Result<ProcessOutput, any Error>?
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                output = Result { try migrate(arguments + ["-database", url]) }
                done.signal()
            }
            let pid = try #require(try sleepingBackend(db))
            try db.query("SELECT pg_terminate_backend($1)", [Int(pid).pgBind])
            done.wait()
            return try output?.get()
        }
    }

    @Test(arguments: Fault.allCases)
    func transactionalFileUpLeavesTheDatabaseAsItWas(fault: Fault) throws {
        let folder = try Self.folder(noTransaction: false)
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let url = TestPostgres.url(config)
            #expect(try migrate(["-path", folder.path, "-database", url, "up", "1"]).status == 0)
            let output = try Self.run(["-path", folder.path, "up"], url: url, db: db, fault: fault)
            if let output {
                #expect(output.status != 0)
                #expect(output.stderr.contains("Nothing of this file was applied; the database is unchanged at version 1"), "\(output.all)")
            }
            #expect(try db.query("SELECT version, dirty FROM schema_migrations").map { "\($0[0]!) \($0[1]!)" } == ["1 f"])
            #expect(try db.query("SELECT to_regclass('before_sleep') IS NULL AND to_regclass('after_sleep') IS NULL").first?[0] == "t")
            // Nothing is stuck: the next run applies the file.
            try db.execute("UPDATE control SET seconds = 0")
            #expect(try migrate(["-path", folder.path, "-database", url, "up"]).status == 0)
            #expect(try db.query("SELECT version, dirty FROM schema_migrations").map { "\($0[0]!) \($0[1]!)" } == ["2 f"])
        }
    }

    @Test(arguments: Fault.allCases)
    func transactionalFileDownLeavesTheDatabaseAsItWas(fault: Fault) throws {
        let folder = try Self.folder(noTransaction: false)
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let url = TestPostgres.url(config)
            #expect(try migrate(["-path", folder.path, "-database", url, "up", "1"]).status == 0)
            try db.execute("UPDATE control SET seconds = 0")
            #expect(try migrate(["-path", folder.path, "-database", url, "up"]).status == 0)
            try db.execute("UPDATE control SET seconds = 30")
            _ = try Self.run(["-path", folder.path, "down", "1"], url: url, db: db, fault: fault)
            #expect(try db.query("SELECT version, dirty FROM schema_migrations").map { "\($0[0]!) \($0[1]!)" } == ["2 f"])
            #expect(try db.query("SELECT to_regclass('before_sleep') IS NOT NULL AND to_regclass('after_sleep') IS NOT NULL").first?[0] == "t")
        }
    }

    @Test(arguments: Fault.allCases)
    func noTransactionFileUpIsLeftDirtyWithWhatRan(fault: Fault) throws {
        let folder = try Self.folder(noTransaction: true)
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let url = TestPostgres.url(config)
            #expect(try migrate(["-path", folder.path, "-database", url, "up", "1"]).status == 0)
            let output = try Self.run(["-path", folder.path, "up"], url: url, db: db, fault: fault)
            if let output {
                #expect(output.status != 0)
                #expect(output.stderr.contains("marked dirty at version 2"), "\(output.all)")
            }
            #expect(try db.query("SELECT version, dirty FROM schema_migrations").map { "\($0[0]!) \($0[1]!)" } == ["2 t"])
            #expect(try db.query("SELECT to_regclass('before_sleep') IS NOT NULL AND to_regclass('after_sleep') IS NULL").first?[0] == "t")
            let refused = try migrate(["-path", folder.path, "-database", url, "up"])
            #expect(refused.stderr == "Dirty database version 2. Fix and force version.\n")
        }
    }
}
