import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Synchronization
import Testing

/// Run by scripts/test-pool-restart.sh (part of `make test`), which starts a server of its own and
/// says how to restart it in `POOL_RESTART_COMMAND`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["POOL_RESTART_COMMAND"] != nil, "needs scripts/test-pool-restart.sh"))
struct PoolRestartTests {
    private struct Outcome: Sendable {
        var successes = 0
        var failures: [String] = []
        var successesAfterRestart = 0
    }

    /// Sixteen tasks insert numbered rows through four connections while the server restarts.
    /// Each row's key is new, so a statement sent twice would fail with a unique violation. The
    /// pool recovers by itself; the callers see only the statements that were running (or tried
    /// while the server was down) fail, and no connection stays inside a transaction.
    @Test func thePoolRecoversFromAServerRestart() async throws {
        let command = try #require(ProcessInfo.processInfo.environment["POOL_RESTART_COMMAND"])
        let config = try TestPostgres.serverConfig()
        let pool = PGPool(configuration: .init(connection: config, maxConnections: 4, acquireTimeout: .seconds(60)))
        defer { pool.close() }
        _ = try await pool.execute("DROP TABLE IF EXISTS runs", [])
        _ = try await pool.execute("CREATE TABLE runs (task int, n int, PRIMARY KEY (task, n))", [])
        let restarted = Box(false)
        let total = Box(0)
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var outcome = Outcome()
                    var n = 0
                    while outcome.successesAfterRestart < 20 {
                        n += 1
                        let after = restarted.value
                        do {
                            try await pool.withTransaction { tx in
                                _ = try await tx.execute("INSERT INTO runs VALUES ($1, $2)", [Int32(task).pgBind, Int32(n).pgBind])
                                _ = try await tx.query("SELECT pg_sleep(0.001)", [])
                            }
                            outcome.successes += 1
                            if after { outcome.successesAfterRestart += 1 }
                            total.update { $0 += 1 }
                        } catch let error as PGError {
                            outcome.failures.append(error.sqlState ?? "connection")
                            try await Task.sleep(for: .milliseconds(20))
                        }
                    }
                    return outcome
                }
            }
            group.addTask {
                while total.value < 100 { try await Task.sleep(for: .milliseconds(10)) }
                // Spawned and waited for by hand on a thread of its own: waiting must not hold a
                // cooperative thread, and Foundation's Process relies on SIGCHLD reaching it.
                let status: Int32 = await withCheckedContinuation { continuation in
                    Thread.detachNewThread { continuation.resume(returning: shell(command)) }
                }
                #expect(status == 0)
                restarted.update { $0 = true }
                return Outcome()
            }
            var all: [Outcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        let failures = outcomes.flatMap(\.failures)
        let successes = outcomes.map(\.successes).reduce(0, +)
        // Never a unique violation: no statement was sent twice.
        #expect(!failures.contains("23505"))
        // Failures are the restart's: connections ended (57P01), the server starting or stopping
        // (57P03), or no server to reach.
        #expect(failures.allSatisfy { ["57P01", "57P03", "connection"].contains($0) }, "\(failures)")
        // Every committed transaction is there; an unknown outcome (a COMMIT cut off) at most adds.
        let rows = try await pool.query("SELECT count(*) FROM runs", [])[0].decode(Int64.self, at: 0)
        #expect(Int(rows) >= successes && Int(rows) <= successes + failures.count)
        let stuck = try await pool.query("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'", [])[0].decode(Int64.self, at: 0)
        #expect(stuck == 0)
        #expect(pool.statistics.open <= 4)
        #expect(pool.statistics.dropped >= 1)
    }
}

/// Runs `/bin/sh -c command` and returns its exit status (-1 when it could not start).
private func shell(_ command: String) -> Int32 {
    var pid: pid_t = 0
    let words: [String] = ["/bin/sh", "-c", command]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for argument in arguments { free(argument) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, arguments, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    return (status >> 8) & 0xff
}
