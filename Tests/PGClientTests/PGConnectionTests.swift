import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Synchronization
import Testing

@Suite struct PGConnectionTests {
    @Test func bindsValuesAsParametersNeverAsSQL() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let tricky = "O'Reilly; DROP TABLE x; -- $1 \\ \"q\" ünï 😀"
            let rows = try db.query("SELECT $1::text AS s, $2::int AS n, $3::text AS missing, $4::bool AS b", [tricky.pgBind, 42, .null, true])
            #expect(rows.count == 1)
            #expect(rows.columnNames == ["s", "n", "missing", "b"])
            let row = rows[0]
            #expect(try row.decode(String.self, at: 0) == tricky)
            #expect(try row.decode(Int32.self, named: "n") == 42)
            #expect(try row.decode(String?.self, at: 2) == nil)
            #expect(try row.decode(Bool.self, at: 3))
            #expect(row["s"] == tricky)
        }
    }

    @Test func runsSeveralStatementsAndReturnsTheLastResult() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let rows = try db.execute("CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2), (3); SELECT sum(x) FROM t")
            #expect(try rows.first?.decode(Int64.self, at: 0) == 6)
            #expect(try db.update("DELETE FROM t WHERE x > $1", [1]) == 2)
        }
    }

    @Test func decodingErrorsNameTheColumnAndText() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let row = try #require(try db.query("SELECT 'abc'::text AS code, NULL::int AS gone").first)
            #expect { try row.decode(Int.self, at: 0) } throws: { error in
                let error = error as? PGDecodingError
                return error?.column == "code" && error?.text == "abc" && error?.typeOID == 25
            }
            #expect { try row.decode(Int.self, named: "gone") } throws: { "\($0)".contains("unexpected NULL") }
            #expect(throws: PGDecodingError.self) { try row.decode(Int.self, at: 5) }
        }
    }

    @Test func serverErrorsCarryTheirFieldsButNotTheBinds() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE users (email text PRIMARY KEY)")
            try db.query("INSERT INTO users VALUES ($1)", ["secret-bind@example.com"])
            #expect {
                try db.query("INSERT INTO users VALUES ($1)", ["secret-bind@example.com"])
            } throws: { error in
                guard let error = error as? PGError else { return false }
                return error.kind == .server && error.sqlState == "23505" && error.isUniqueViolation
                    && error.constraint == "users_pkey" && error.table == "users"
                    && error.detail?.contains("already exists") == true
                    && error.severity == "ERROR"
                    // the server's DETAIL repeats the value; the binds themselves are never added
                    && !error.description.contains("$1")
            }
            #expect {
                try db.execute("SELECT 1;\nSELECT nosuchcolumn FROM users")
            } throws: { error in
                guard let error = error as? PGError else { return false }
                return error.sqlState == "42703" && error.position == 18 && error.hint == nil
            }
            #expect(db.transactionStatus == .idle)
        }
    }

    @Test func noticesGoToTheHandler() throws {
        try TestPostgres.withDatabase { config in
            let seen = Mutex<[String]>([])
            let db = try PGConnection(config: config) { notice in seen.withLock { $0.append("\(notice.severity): \(notice.message)") } }
            try db.execute("DO $$ BEGIN RAISE NOTICE 'hello %', 42; RAISE WARNING 'careful'; END $$")
            try db.execute("DROP TABLE IF EXISTS nothing_here")
            #expect(seen.withLock { $0 } == ["NOTICE: hello 42", "WARNING: careful", "NOTICE: table \"nothing_here\" does not exist, skipping"])
        }
    }

    @Test func oneConnectionSharedByManyThreadsAnswersEachCorrectly() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let failures = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                for i in 0..<40 {
                    let expected = "\(thread)-\(i)"
                    let got = try? db.query("SELECT $1::text || pg_sleep(0)::text", [expected.pgBind]).first?[0]
                    if got != expected { failures.withLock { $0 += 1 } }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            #expect(db.roundTrips == 320)
        }
    }

    @Test func closedConnectionFailsClearly() throws {
        let db = try PGConnection(config: TestPostgres.serverConfig())
        db.close()
        #expect { try db.execute("SELECT 1") } throws: { ($0 as? PGError)?.kind == .connection }
    }
}

@Suite struct ConnectionFailureTests {
    @Test func wrongPasswordIsReportedWithoutThePassword() throws {
        let server = try TestPostgres.serverConfig()
        let admin = try PGConnection(config: server)
        // The test server asks this role, and only this one, for its password (scripts/pg-common.sh).
        try admin.execute("DO $$ BEGIN CREATE ROLE migrate_pw LOGIN PASSWORD 'right-password'; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        var config = server
        config.user = "migrate_pw"
        config.password = "Wrong-Pa55word"
        #expect {
            try PGConnection(config: config)
        } throws: { error in
            guard let error = error as? PGError else { return false }
            return error.kind == .connection && error.message.contains("password authentication failed")
                && !error.description.contains("Wrong-Pa55word")
        }
        config.password = "right-password"
        #expect(try PGConnection(config: config).query("SELECT current_user").first?[0] == "migrate_pw")
    }

    @Test func refusedConnectionFailsAtOnce() throws {
        var config = try TestPostgres.serverConfig()
        config.port = try unusedPort()
        #expect { try PGConnection(config: config) } throws: { error in
            (error as? PGError)?.kind == .connection && "\(error)".contains("127.0.0.1")
        }
    }

    @Test func silentServerFailsAfterTheConnectTimeout() throws {
        // A socket that accepts connections (in the kernel's backlog) and never answers.
        let listener = try SilentListener()
        defer { listener.close() }
        var config = try TestPostgres.serverConfig()
        config.port = listener.port
        config.parameters["connect_timeout"] = "1"
        #expect { try PGConnection(config: config) } throws: { error in
            (error as? PGError)?.kind == .connection && "\(error)".lowercased().contains("timeout")
        }
    }
}
