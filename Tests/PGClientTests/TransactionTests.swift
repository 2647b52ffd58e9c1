import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Synchronization
import Testing

/// A row type as the generated models have: the transaction's executor runs the same helpers.
private struct Item: PGRowDecodable, Equatable {
    var id: Int32
    var name: String

    init(id: Int32, name: String) {
        self.id = id
        self.name = name
    }

    init(row: PGRow) throws(PGDecodingError) {
        id = try row.decode(Int32.self, at: 0, table: "items")
        name = try row.decode(String.self, at: 1, table: "items")
    }
}

private struct Boom: Error {}

@Suite struct TransactionTests {
    private func names(_ db: some PGExecutor) async throws -> [String] {
        let rows = try await db.query("SELECT name FROM items ORDER BY id", [])
        return try rows.map { row throws(PGDecodingError) in try row.decode(String.self, at: 0) }
    }

    private func withItems(_ body: (PGPool, PGConfig) async throws -> Void) async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 2))
            defer { pool.close() }
            _ = try await pool.execute("CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL UNIQUE)", [])
            try await body(pool, config)
        }
    }

    @Test func commitsWhenTheClosureReturns() async throws {
        try await withItems { pool, _ in
            let item: Item = try await pool.withTransaction { tx in
                let item: Item = try await PGTableHelpers.insert(into: "items", [("name", "kopi".pgBind)], returning: "id, name", on: tx)
                #expect(try await tx.query("SELECT count(*) FROM items", [])[0][0] == "1")
                return item
            }
            #expect(item.name == "kopi")
            let stored = try await names(pool)
            #expect(stored == ["kopi"])
            #expect(pool.statistics.dropped == 0)
        }
    }

    @Test func rollsBackWhenTheClosureThrows() async throws {
        try await withItems { pool, _ in
            await #expect(throws: Boom.self) {
                try await pool.withTransaction { tx in
                    _ = try await tx.execute("INSERT INTO items (name) VALUES ('teh')", [])
                    throw Boom()
                }
            }
            let stored = try await names(pool)
            #expect(stored == [])
            #expect(pool.statistics.dropped == 0)
        }
    }

    @Test func rollsBackWhenTheTaskIsCancelled() async throws {
        try await withItems { pool, config in
            let watcher = try await Watcher(config)
            let inserted = Signal()
            let task = Task {
                try await pool.withTransaction { tx in
                    _ = try await tx.execute("INSERT INTO items (name) VALUES ('susu')", [])
                    inserted.fire()
                    _ = try await tx.query("SELECT pg_sleep(60) /* in transaction */", [])
                }
            }
            await inserted.wait()
            try await eventually("the transaction sleeps") { try await !watcher.active("in transaction").isEmpty }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            let stored = try await names(pool)
            #expect(stored == [])
            try await eventually("nothing stays in a transaction") {
                let rows = try await watcher.admin.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'", [])
                return rows[0][0] == "0"
            }
        }
    }

    @Test func aCancelledTaskDoesNotCommitEvenIfTheClosureReturns() async throws {
        try await withItems { pool, _ in
            let task = Task {
                try await pool.withTransaction { tx in
                    _ = try await tx.execute("INSERT INTO items (name) VALUES ('air')", [])
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            let stored = try await names(pool)
            #expect(stored == [])
        }
    }

    @Test func nestedCallsAreSavepoints() async throws {
        try await withItems { pool, _ in
            try await pool.withTransaction { tx in
                _ = try await tx.execute("INSERT INTO items (name) VALUES ('one')", [])
                await #expect(throws: Boom.self) {
                    try await tx.withTransaction { inner in
                        _ = try await inner.execute("INSERT INTO items (name) VALUES ('two')", [])
                        throw Boom()
                    }
                }
                // A failed statement inside a savepoint leaves the outer transaction usable.
                await #expect(throws: PGError.self) {
                    try await tx.withTransaction { inner in
                        _ = try await inner.execute("INSERT INTO items (name) VALUES ('one')", [])
                    }
                }
                try await tx.withTransaction { inner in
                    _ = try await inner.execute("INSERT INTO items (name) VALUES ('three')", [])
                    try await inner.withTransaction { innermost in
                        _ = try await innermost.execute("INSERT INTO items (name) VALUES ('four')", [])
                    }
                }
            }
            let stored = try await names(pool)
            #expect(stored == ["one", "three", "four"])
        }
    }

    @Test func aCaughtStatementErrorRollsBackInsteadOfCommitting() async throws {
        try await withItems { pool, _ in
            _ = try await pool.execute("INSERT INTO items (name) VALUES ('taken')", [])
            await #expect(throws: PGTransactionAbortedError.self) {
                try await pool.withTransaction { tx in
                    _ = try await tx.execute("INSERT INTO items (name) VALUES ('new')", [])
                    do {
                        _ = try await tx.execute("INSERT INTO items (name) VALUES ('taken')", [])
                    } catch let error as PGError where error.isUniqueViolation {
                        // caught, but PostgreSQL has aborted the transaction
                    }
                }
            }
            let stored = try await names(pool)
            #expect(stored == ["taken"])
        }
    }

    @Test func isolationLevelAndReadOnly() async throws {
        try await withItems { pool, _ in
            let level = try await pool.withTransaction(.init(isolation: .repeatableRead, readOnly: true)) { tx in
                try await tx.query("SHOW transaction_isolation", [])[0][0]
            }
            #expect(level == "repeatable read")
            await #expect {
                try await pool.withTransaction(.init(readOnly: true)) { tx in
                    _ = try await tx.execute("INSERT INTO items (name) VALUES ('no')", [])
                }
            } throws: { error in
                (error as? PGError)?.sqlState == "25006"
            }
        }
    }

    /// Write skew: two serializable transactions each read what the other writes. The second
    /// to commit fails with 40001, and its retry, alone, succeeds.
    @Test func retriesASerializationFailure() async throws {
        try await withItems { pool, config in
            _ = try await pool.execute("CREATE TABLE duty (doctor text, on_call bool)", [])
            _ = try await pool.execute("INSERT INTO duty VALUES ('a', true), ('b', true)", [])
            let other = try await PGConnection.connect(config: config)
            let attempts = Mutex(0)
            func goOffCall(_ doctor: String, on tx: some PGExecutor) async throws {
                let onCall = try await tx.query("SELECT count(*) FROM duty WHERE on_call", [])[0].decode(Int64.self, at: 0)
                if onCall >= 2 {
                    _ = try await tx.execute("UPDATE duty SET on_call = false WHERE doctor = $1", [doctor.pgBind])
                }
            }
            try await pool.withTransaction(.init(isolation: .serializable, maxAttempts: 3)) { tx in
                let attempt = attempts.withLock { count in
                    count += 1
                    return count
                }
                let onCall = try await tx.query("SELECT count(*) FROM duty WHERE on_call", [])[0].decode(Int64.self, at: 0)
                if attempt == 1 {
                    // The other doctor's transaction runs and commits in between.
                    try await other.withTransaction(.serializable) { otherTx in try await goOffCall("b", on: otherTx) }
                }
                if onCall >= 2 {
                    _ = try await tx.execute("UPDATE duty SET on_call = false WHERE doctor = 'a'", [])
                }
            }
            #expect(attempts.withLock { $0 } == 2)
            // The retry saw b off call and kept a on call: one doctor stays on call.
            #expect(try await pool.query("SELECT string_agg(doctor, ',') FROM duty WHERE on_call", [])[0][0] == "a")

            // Without retries the failure reaches the caller.
            _ = try await pool.execute("UPDATE duty SET on_call = true", [])
            await #expect {
                try await pool.withTransaction(.serializable) { tx in
                    let onCall = try await tx.query("SELECT count(*) FROM duty WHERE on_call", [])[0].decode(Int64.self, at: 0)
                    try await other.withTransaction(.serializable) { otherTx in try await goOffCall("b", on: otherTx) }
                    if onCall >= 2 { _ = try await tx.execute("UPDATE duty SET on_call = false WHERE doctor = 'a'", []) }
                }
            } throws: { error in
                (error as? PGError)?.sqlState == "40001"
            }
        }
    }

    @Test func retriesADeadlockVictim() async throws {
        try await withItems { pool, config in
            _ = try await pool.execute("INSERT INTO items (name) VALUES ('x'), ('y')", [])
            let other = try await PGConnection.connect(config: config)
            let attempts = Mutex(0)
            let otherLocked = Signal()
            let mineLocked = Signal()
            // The other transaction locks y, then x; this one x, then y: one of them is the victim.
            let otherTask = Task {
                try await other.withTransaction { tx in
                    _ = try await tx.execute("UPDATE items SET name = 'y' WHERE name = 'y'", [])
                    otherLocked.fire()
                    await mineLocked.wait()
                    _ = try await tx.execute("UPDATE items SET name = 'x' WHERE name = 'x'", [])
                }
            }
            try await pool.withTransaction(.init(maxAttempts: 2)) { tx in
                let attempt = attempts.withLock { count in
                    count += 1
                    return count
                }
                _ = try await tx.execute("UPDATE items SET name = 'x' WHERE name = 'x'", [])
                if attempt == 1 {
                    await otherLocked.wait()
                    mineLocked.fire()
                }
                _ = try await tx.execute("UPDATE items SET name = 'y' WHERE name = 'y'", [])
            }
            let otherResult = await otherTask.result
            // Exactly one side was the deadlock's victim: this one (retried) or the other (failed).
            let retried = attempts.withLock { $0 } == 2
            let otherFailed = (try? otherResult.get()) == nil
            #expect(retried != otherFailed)
            if otherFailed {
                #expect {
                    try otherResult.get()
                } throws: { ($0 as? PGError)?.sqlState == "40P01" }
            }
        }
    }

    @Test func transactionsOnASingleConnection() async throws {
        try await withItems { _, config in
            let db = try await PGConnection.connect(config: config)
            try await db.withTransaction { tx in
                _ = try await tx.execute("INSERT INTO items (name) VALUES ('solo')", [])
            }
            await #expect(throws: Boom.self) {
                try await db.withTransaction { tx in
                    _ = try await tx.execute("INSERT INTO items (name) VALUES ('gone')", [])
                    throw Boom()
                }
            }
            let stored = try await names(db)
            #expect(stored == ["solo"])
            #expect(db.transactionStatus == .idle)
        }
    }
}
