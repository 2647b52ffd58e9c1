// stream-bench DATABASE_URL MIGRATIONS_DIR [ROWS] [FETCHALL_ROWS]: `make bench` runs it through
// scripts/bench-stream.sh. Two measures of the runtime that serves requests:
//
// 1. Streaming: fills saas_clients with ROWS rows (default 1,000,000), streams them all into
//    SaasClient values through a PGPool, sampling the heap every 1,000 rows, and prints the heap
//    at each 100,000th row and the peak: it stays flat. For comparison, fetchAll of FETCHALL_ROWS
//    (default 100,000; the whole table would take gigabytes) and psql's COPY TO of all rows.
// 2. No thread starvation: the latency of a small CPU-only task on the cooperative pool, alone,
//    while 200 `SELECT pg_sleep(0.2)` wait in a pool of 8 connections, and while the same 200 run
//    on connections through their synchronous (thread-blocking) calls.
import CHeap
import Foundation
import PGClient
import PGMigrate
import PGSchema
import SaasModels

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: stream-bench DATABASE_URL MIGRATIONS_DIR [ROWS] [FETCHALL_ROWS]")
    exit(2)
}
let url = arguments[1]
let migrations = arguments[2]
let rows = arguments.count > 3 ? Int(arguments[3]) ?? 1_000_000 : 1_000_000
let fetchAllRows = arguments.count > 4 ? Int(arguments[4]) ?? 100_000 : 100_000
let config = try PGConfig(url: url)

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

func heap() -> Int { Int(cheap_heap_in_use()) }

// MARK: - Set-up

let setup = try PGConnection(config: config)
try Migrator(connection: setup, directory: MigrationDirectory(path: migrations), options: MigratorOptions(lockDatabaseName: config.urlPath)).up()
let existing = try setup.query("SELECT count(*) FROM saas_clients")[0].decode(Int64.self, at: 0)
if existing != rows {
    try setup.execute("TRUNCATE saas_clients CASCADE")
    let fill = try await seconds {
        try setup.update("""
            INSERT INTO saas_clients (name, slug, email, phone, business_category, address, subscription_plan, whatsapp_number, settings)
            SELECT 'Toko ' || g, 'toko-' || g, 'owner' || g || '@example.com',
                   CASE WHEN g % 3 = 0 THEN NULL ELSE '+62812' || g END, 'retail', 'Jl. Merdeka ' || g || ', Jakarta',
                   'starter', '+62857' || lpad(g::text, 8, '0'), jsonb_build_object('greeting', 'Halo!', 'n', g)
            FROM generate_series(0, $1::int - 1) g
            """, [Int32(rows).pgBind])
        try setup.execute("VACUUM ANALYZE saas_clients")
    }
    print(String(format: "filled saas_clients with %d rows in %.1f s", rows, fill))
}
setup.close()

let pool = PGPool(configuration: .init(connection: config, maxConnections: 8))

// MARK: - Streaming

print("streaming \(rows) saas_clients rows into SaasClient values through PGPool:")
let base = heap()
var peak = base
var streamed = 0
let streamTime = try await seconds {
    for try await client in try SaasClient.SQL.selectAll.stream(on: pool) {
        streamed += 1
        if client.name.isEmpty { print("unexpected empty name") }
        if streamed % 1000 == 0 { peak = max(peak, heap()) }
        if streamed % 100_000 == 0 { print("  row \(streamed): heap \(megabytes(heap() - base)) above the start") }
    }
}
print(String(format: "  %d rows in %.2f s (%.0f rows/s), peak heap %@ above the start", streamed, streamTime, Double(streamed) / streamTime, megabytes(peak - base)))

print("fetchAll of \(fetchAllRows) rows (all held at once):")
let fetchBase = heap()
var fetchPeak = fetchBase
let fetchTime = try await seconds {
    let all = try await PGQuery<SaasClient>(SaasClient.SQL.selectAll.sql + " LIMIT $1").fetchAll([fetchAllRows.pgBind], on: pool)
    fetchPeak = heap()
    if all.count != fetchAllRows { print("  got \(all.count) rows") }
}
print(String(format: "  %d rows in %.2f s (%.0f rows/s), heap %@ while held (%@ per 100,000 rows)", fetchAllRows, fetchTime, Double(fetchAllRows) / fetchTime,
             megabytes(fetchPeak - fetchBase), megabytes((fetchPeak - fetchBase) * 100_000 / max(1, fetchAllRows))))

let psqlPath = ProcessInfo.processInfo.environment["PSQL"] ?? "/usr/bin/psql"
let copyTime = try await seconds {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: psqlPath)
    process.arguments = ["-X", "-q", url, "-c", "COPY saas_clients TO STDOUT"]
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    try process.run()
    process.waitUntilExit()
}
print(String(format: "psql COPY saas_clients TO STDOUT (text, no decoding): %d rows in %.2f s (%.0f rows/s)", rows, copyTime, Double(rows) / copyTime))

// MARK: - Starvation

/// The process's thread count (Linux: /proc/self/status), 0 elsewhere.
func threadCount() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("Threads:") {
        return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }
    return 0
}

/// The median and 99th percentile, in milliseconds, of the time a task on the cooperative pool
/// takes to start and do a little work, over `samples` tasks one after another; and the most
/// threads the process had meanwhile (Linux's libdispatch adds threads when its workers block).
func taskLatency(samples: Int = 200) async -> (median: Double, p99: Double, threads: Int) {
    var times: [Double] = []
    var threads = 0
    for _ in 0..<samples {
        threads = max(threads, threadCount())
        let start = ContinuousClock.now
        // At the priority of the load tasks, so that both run on the same threads of the pool.
        let value = await Task.detached(priority: Task.currentPriority) { (0..<1000).reduce(0, &+) }.value
        let elapsed = ContinuousClock.now - start
        if value < 0 { print("impossible") }
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        try? await Task.sleep(for: .milliseconds(2))
    }
    times.sort()
    return (times[times.count / 2], times[min(times.count - 1, times.count * 99 / 100)], threads)
}

print("latency of a small CPU-only task on the cooperative pool (\(ProcessInfo.processInfo.activeProcessorCount) threads):")
let idle = await taskLatency()
print(String(format: "  alone:                                                    median %.2f ms, p99 %.2f ms, %d threads", idle.median, idle.p99, idle.threads))

let sleepers = 200
let loaded = try await withThrowingTaskGroup(of: Void.self) { group in
    for _ in 0..<sleepers { group.addTask { _ = try await pool.query("SELECT pg_sleep(0.2)", []) } }
    let latency = await taskLatency(samples: 100)
    try await group.waitForAll()
    return latency
}
print(String(format: "  while %d pg_sleep(0.2) wait in a PGPool of 8:              median %.2f ms, p99 %.2f ms, %d threads", sleepers, loaded.median, loaded.p99, loaded.threads))

let connections = try (0..<8).map { _ in try PGConnection(config: config) }
let blocking = try await withThrowingTaskGroup(of: Void.self) { group in
    for index in 0..<sleepers {
        // What the runtime did before: the calling thread waits inside libpq.
        group.addTask { try connections[index % 8].query("SELECT pg_sleep(0.2)") }
    }
    let latency = await taskLatency(samples: 100)
    try await group.waitForAll()
    return latency
}
print(String(format: "  while %d pg_sleep(0.2) block threads (synchronous calls):   median %.2f ms, p99 %.2f ms, %d threads", sleepers, blocking.median, blocking.p99, blocking.threads))
pool.close()
