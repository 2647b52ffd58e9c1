import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Synchronization
import Testing

@Suite struct PGPoolTests {
    @Test func manyTasksShareASmallPool() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 3))
            defer { pool.close() }
            let backends = try await withThrowingTaskGroup(of: [Int32].self) { group in
                for task in 0..<64 {
                    group.addTask {
                        var pids: [Int32] = []
                        for step in 0..<5 {
                            let rows = try await pool.query("SELECT $1::int * 1000 + $2::int, pg_backend_pid()", [Int32(task).pgBind, Int32(step).pgBind])
                            #expect(try rows[0].decode(Int32.self, at: 0) == Int32(task * 1000 + step))
                            pids.append(try rows[0].decode(Int32.self, at: 1))
                        }
                        return pids
                    }
                }
                var all = Set<Int32>()
                for try await pids in group { all.formUnion(pids) }
                return all
            }
            #expect(backends.count <= 3)
            #expect(pool.statistics.open <= 3)
            #expect(pool.statistics.waiting == 0)
        }
    }

    /// Statements waiting for the server hold no thread of the cooperative pool: with more of them
    /// waiting than the pool has threads, a plain task still runs while they wait.
    @Test func waitingStatementsDoNotHoldCooperativeThreads() async throws {
        try await withTestDatabase { config in
            let waiting = ProcessInfo.processInfo.activeProcessorCount * 2 + 2
            let pool = PGPool(configuration: .init(connection: config, maxConnections: waiting))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            _ = try await watcher.admin.query("SELECT pg_advisory_lock(42)", [])
            let blocked = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<waiting {
                        group.addTask { _ = try await pool.query("SELECT pg_advisory_lock_shared(42) /* blocked */", []) }
                    }
                    try await group.waitForAll()
                }
            }
            try await eventually("\(waiting) statements wait for the lock") { try await watcher.active("blocked").count == waiting }
            // Work on the cooperative pool runs now, while every statement still waits.
            let answer = await Task.detached { (1...1000).reduce(0, +) }.value
            #expect(answer == 500_500)
            #expect(try await watcher.active("blocked").count == waiting)
            _ = try await watcher.admin.query("SELECT pg_advisory_unlock(42)", [])
            try await blocked.value
        }
    }

    @Test func anIdleConnectionTheServerEndedIsReplacedUnseen() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 2, maintenanceInterval: .seconds(3600)))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            let pid = try await pool.query("SELECT pg_backend_pid()", [])[0].decode(Int32.self, at: 0)
            try await watcher.terminate(pid)
            try await eventually("the backend is gone") { try await watcher.backends() == 0 }
            // The next statement gets a new connection; the caller sees no error.
            let next = try await pool.query("SELECT pg_backend_pid()", [])[0].decode(Int32.self, at: 0)
            #expect(next != pid)
            #expect(pool.statistics.dropped == 1)
            #expect(pool.statistics.open == 1)
        }
    }

    @Test func aBusyConnectionTheServerEndsFailsOneStatementOnly() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            let busy = Task { try await pool.query("SELECT pg_sleep(60) /* busy */", []) }
            try await eventually("the statement runs") { try await !watcher.active("busy").isEmpty }
            try await watcher.terminate(try await watcher.active("busy")[0])
            await #expect {
                _ = try await busy.value
            } throws: { error in
                // 57P01: terminating connection due to administrator command
                (error as? PGError)?.sqlState == "57P01" || (error as? PGError)?.kind == .connection
            }
            #expect(try await pool.query("SELECT 7", [])[0].decode(Int32.self, at: 0) == 7)
            #expect(pool.statistics.dropped == 1)
        }
    }

    @Test func aCallerWaitsNoLongerThanTheAcquireTimeout() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1, acquireTimeout: .milliseconds(200)))
            defer { pool.close() }
            let release = Signal()
            let holder = Task {
                try await pool.withSession { session in
                    _ = try await session.query("SELECT 1", [])
                    await release.wait()
                }
            }
            try await eventually("the only connection is taken") { pool.statistics.open == 1 && pool.statistics.idle == 0 }
            await #expect(throws: PGPoolError.acquireTimeout(.milliseconds(200))) {
                _ = try await pool.query("SELECT 2", [])
            }
            #expect(pool.statistics.waiting == 0)
            release.fire()
            try await holder.value
            #expect(try await pool.query("SELECT 3", [])[0].decode(Int32.self, at: 0) == 3)
        }
    }

    @Test func cancellingAWaitingCallerLeavesTheLine() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1, acquireTimeout: nil))
            defer { pool.close() }
            let release = Signal()
            let holder = Task { try await pool.withSession { _ in await release.wait() } }
            try await eventually("the only connection is taken") { pool.statistics.open == 1 && pool.statistics.idle == 0 }
            let waiter = Task { try await pool.query("SELECT 1", []) }
            try await eventually("the caller waits") { pool.statistics.waiting == 1 }
            waiter.cancel()
            await #expect(throws: CancellationError.self) { _ = try await waiter.value }
            #expect(pool.statistics.waiting == 0)
            release.fire()
            try await holder.value
            #expect(try await pool.query("SELECT 4", [])[0].decode(Int32.self, at: 0) == 4)
        }
    }

    @Test func cancellingARunningStatementStopsItOnTheServer() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            let sleeper = Task { try await pool.query("SELECT pg_sleep(60) /* cancel me */", []) }
            try await eventually("the statement runs") { try await !watcher.active("cancel me").isEmpty }
            sleeper.cancel()
            await #expect(throws: CancellationError.self) { _ = try await sleeper.value }
            #expect(try await watcher.active("cancel me").isEmpty)
            // The connection is fine and goes on serving.
            #expect(try await pool.query("SELECT 5", [])[0].decode(Int32.self, at: 0) == 5)
            #expect(pool.statistics.dropped == 0)
        }
    }

    @Test func theStatementTimeoutApplies() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1, statementTimeout: .milliseconds(100)))
            defer { pool.close() }
            await #expect {
                _ = try await pool.query("SELECT pg_sleep(30)", [])
            } throws: { error in
                (error as? PGError)?.sqlState == "57014"
            }
            let timeout = try await pool.query("SHOW statement_timeout", [])[0][0]
            #expect(timeout == "100ms")
        }
    }

    @Test func idleConnectionsAboveTheMinimumAreClosed() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(
                connection: config, minConnections: 1, maxConnections: 4, idleTimeout: .milliseconds(100),
                maintenanceInterval: .milliseconds(50)
            ))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            try await eventually("the minimum is opened") { try await watcher.backends() == 1 }
            // Four sessions at once: each holds its connection until all four have one.
            let holding = Box(0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await pool.withSession { session in
                            _ = try await session.query("SELECT 1", [])
                            holding.update { $0 += 1 }
                            try await eventually("four sessions at once") { holding.value == 4 }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(pool.statistics.opened >= 4)
            try await eventually("idle connections close down to the minimum") {
                let backends = try await watcher.backends()
                return pool.statistics.open == 1 && backends == 1
            }
        }
    }

    @Test func aConnectionLeftInATransactionIsNeverReused() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1))
            defer { pool.close() }
            let first = try await pool.query("SELECT pg_backend_pid()", [])[0].decode(Int32.self, at: 0)
            _ = try await pool.execute("BEGIN", [])
            let rows = try await pool.query("SELECT pg_backend_pid(), pg_current_xact_id_if_assigned() IS NULL, now() = clock_timestamp()", [])
            // Another connection: the one left inside the BEGIN above was closed.
            #expect(try rows[0].decode(Int32.self, at: 0) != first)
            #expect(pool.statistics.dropped == 1)
        }
    }

    @Test func aSharedConnectionServesOneTaskAtATime() async throws {
        try await withTestDatabase { config in
            let db = try await PGConnection.connect(config: config)
            _ = try await db.execute("CREATE TABLE log (task int, step int, at serial)", [])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        try await db.withTransaction { tx in
                            for step in 0..<3 {
                                _ = try await tx.execute("INSERT INTO log (task, step) VALUES ($1, $2)", [Int32(task).pgBind, Int32(step).pgBind])
                                await Task.yield()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // Each transaction's rows are consecutive: no task's statement ran inside another's.
            let rows = try await db.query("SELECT task FROM log ORDER BY at", [])
            let tasks = try rows.map { row throws(PGDecodingError) in try row.decode(Int32.self, at: 0) }
            #expect(tasks.count == 24)
            for start in stride(from: 0, to: 24, by: 3) {
                #expect(Set(tasks[start..<start + 3]).count == 1)
            }
            #expect(db.transactionStatus == .idle)
        }
    }
}
